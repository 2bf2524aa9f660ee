package dev.switchboard.agent.runtime;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeSession;
import io.netty.channel.EventLoop;

/** An always-open session that records every command into the timeline, and notes any call made off the loop. */
final class FakeSession implements RealtimeSession {

    private final Timeline timeline;
    private final EventLoop loop;

    FakeSession(Timeline timeline, EventLoop loop) {
        this.timeline = timeline;
        this.loop = loop;
    }

    @Override
    public boolean send(ClientEvent event) {
        if (!loop.inEventLoop()) {
            timeline.record(new Timeline.OffLoop("send " + event, Thread.currentThread().toString()));
        }
        timeline.record(event);
        return true;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        timeline.record(new Timeline.OffLoop("the agent closed the session itself", "-"));
    }
}
