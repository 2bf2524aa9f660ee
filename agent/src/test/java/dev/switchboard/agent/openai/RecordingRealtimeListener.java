package dev.switchboard.agent.openai;

import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import io.netty.channel.EventLoop;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Queues a session's events so a test can wait for them with timeouts, and counts any delivered off the loop the
 * session was opened on.
 */
final class RecordingRealtimeListener implements RealtimeListener {

    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a test watches for events that must not come. */
    static final Duration QUIET_WINDOW = Duration.ofMillis(300);

    private final EventLoop loop;
    private final BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
    private final AtomicInteger offLoopEvents = new AtomicInteger();
    /** The session this listener listens to, once {@code open} has returned it. */
    volatile RealtimeSession session;

    RecordingRealtimeListener(EventLoop loop) {
        this.loop = loop;
    }

    int offLoopEvents() {
        return offLoopEvents.get();
    }

    @Override
    public void onEvent(ServerEvent event) {
        if (!loop.inEventLoop()) {
            offLoopEvents.incrementAndGet();
        }
        events.add(event);
    }

    /** The next event, which must be a {@code type}. */
    <T extends ServerEvent> T next(Class<T> type) throws InterruptedException {
        ServerEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no " + type.getSimpleName() + " within " + WAIT);
        if (!type.isInstance(event)) {
            fail("expected " + type.getSimpleName() + " but got " + event);
        }
        return type.cast(event);
    }

    /** Skips events until a {@code type}; none of those skipped may be a ProviderError or Closed. */
    <T extends ServerEvent> T skipTo(Class<T> type) throws InterruptedException {
        while (true) {
            ServerEvent event = next(ServerEvent.class);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
            if (event instanceof ServerEvent.ProviderError || event instanceof ServerEvent.Closed) {
                fail("expected " + type.getSimpleName() + " but got " + event);
            }
        }
    }

    void assertNothingMore() throws InterruptedException {
        ServerEvent late = events.poll(QUIET_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        assertNull(late, "unexpected event");
    }
}
