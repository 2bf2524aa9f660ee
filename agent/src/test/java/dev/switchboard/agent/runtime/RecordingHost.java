package dev.switchboard.agent.runtime;

import io.netty.channel.EventLoop;

/** A host that records what the agent asked of the call into the timeline. */
final class RecordingHost implements RealtimeAgent.Host {

    record Silenced(String reason) {}

    record HandedOff(AgentProfile to) {}

    private final Timeline timeline;
    private final EventLoop loop;

    RecordingHost(Timeline timeline, EventLoop loop) {
        this.timeline = timeline;
        this.loop = loop;
    }

    @Override
    public void silenceAgent(String reason) {
        checkLoop("silenceAgent");
        timeline.record(new Silenced(reason));
    }

    @Override
    public void handedOff(AgentProfile to) {
        checkLoop("handedOff");
        timeline.record(new HandedOff(to));
    }

    private void checkLoop(String what) {
        if (!loop.inEventLoop()) {
            timeline.record(new Timeline.OffLoop(what, Thread.currentThread().toString()));
        }
    }
}
