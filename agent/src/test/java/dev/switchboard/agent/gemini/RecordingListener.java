package dev.switchboard.agent.gemini;

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
 * Queues a session's events for a test to wait on with timeouts, and counts events delivered off the session's
 * loop or after {@code Closed}.
 */
final class RecordingListener implements RealtimeListener {

    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a test watches for events that must not come. */
    static final Duration QUIET_WINDOW = Duration.ofMillis(300);

    private final EventLoop loop;
    private final BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
    private final AtomicInteger offLoop = new AtomicInteger();
    private final AtomicInteger afterClosed = new AtomicInteger();
    private volatile boolean closed;
    volatile RealtimeSession session;

    RecordingListener(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public void onEvent(ServerEvent event) {
        if (!loop.inEventLoop()) {
            offLoop.incrementAndGet();
        }
        if (closed) {
            afterClosed.incrementAndGet();
        }
        closed |= event instanceof ServerEvent.Closed;
        events.add(event);
    }

    int offLoopEvents() {
        return offLoop.get();
    }

    /** Events delivered and not yet taken by the test. */
    int queued() {
        return events.size();
    }

    int eventsAfterClosed() {
        return afterClosed.get();
    }

    /** The next event, which must be a {@code type}. */
    <T extends ServerEvent> T next(Class<T> type) throws InterruptedException {
        ServerEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no " + type.getSimpleName() + " within " + WAIT);
        if (!type.isInstance(event)) {
            fail("expected " + type.getSimpleName() + " but got " + EventText.of(event));
        }
        return type.cast(event);
    }

    /** The next event, whatever it is. */
    ServerEvent next() throws InterruptedException {
        return next(ServerEvent.class);
    }

    void assertNothingMore() throws InterruptedException {
        ServerEvent late = events.poll(QUIET_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        assertNull(late, () -> "unexpected event " + EventText.of(late));
    }
}
