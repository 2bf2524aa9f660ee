package dev.switchboard.agent.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The event loop a test class's sessions run on, as a call's loop would own them: opened before the class,
 * shut down after it, and after each test every session's events are checked to have arrived on that loop.
 * Register with {@code @RegisterExtension static final SessionLoop LOOP = new SessionLoop();}.
 */
final class SessionLoop implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final List<RecordingRealtimeListener> recorders = new CopyOnWriteArrayList<>();
    private IoEventLoopGroup group;
    private EventLoop loop;

    @Override
    public void beforeAll(ExtensionContext context) {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (RecordingRealtimeListener recorder : recorders) {
            assertEquals(0, recorder.offLoopEvents(), "events delivered off the caller's event loop");
        }
        recorders.clear();
    }

    EventLoop loop() {
        return loop;
    }

    /** Runs {@code task} on the loop and waits for its result. */
    <T> T call(Callable<T> task) throws Exception {
        return loop.submit(task).get(RecordingRealtimeListener.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A listener whose delivery thread is checked after the test; for sessions opened by the test itself. */
    RecordingRealtimeListener listener() {
        RecordingRealtimeListener recorder = new RecordingRealtimeListener(loop);
        recorders.add(recorder);
        return recorder;
    }

    /** Opens a session on the loop, as a call would, with a recording listener. */
    RecordingRealtimeListener open(RealtimeTransport transport, SessionConfig config, Resume resume)
            throws Exception {
        RecordingRealtimeListener recorder = listener();
        recorder.session = call(() -> transport.open(config, resume, loop, recorder));
        return recorder;
    }

    RecordingRealtimeListener open(RealtimeTransport transport, SessionConfig config) throws Exception {
        return open(transport, config, Resume.NONE);
    }
}
