package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the session tests share: one client event loop, a fresh {@link FakeGeminiServer} per test, sessions opened
 * on that loop, and the contract checked after every test (every event on the loop, nothing after
 * {@code Closed}).
 */
abstract class GeminiSessionHarness {

    static final String API_KEY = "AIzaFakeKeyForLoopbackTests0123";
    static final String MODEL = "gemini-live-test";
    static final SessionConfig CONFIG = new SessionConfig(MODEL, "You are the phone assistant.", "Kore",
            AudioFormat.PCM16_16K, AudioFormat.PCM16_24K, List.of(GeminiSetupTest.LOOKUP), GeminiSetupTest.TUNED);
    /** 20 ms of PCM16 at 16 kHz, the caller's chunk size. */
    static final int INPUT_CHUNK_BYTES = 640;
    static final Duration WAIT = RecordingListener.WAIT;

    static IoEventLoopGroup group;
    static EventLoop loop;
    FakeGeminiServer server;
    private final List<RecordingListener> listeners = new ArrayList<>();

    @BeforeAll
    static void startLoop() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterAll
    static void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void startServer() {
        server = new FakeGeminiServer(API_KEY, "models/" + MODEL);
    }

    @AfterEach
    void checkContractsAndStop() throws Exception {
        for (RecordingListener listener : listeners) {
            onLoop(() -> {
                listener.session.close();
                return null;
            });
        }
        server.close();
        for (RecordingListener listener : listeners) {
            assertEquals(0, listener.offLoopEvents(), "events delivered off the caller's loop");
            assertEquals(0, listener.eventsAfterClosed(), "events delivered after Closed");
        }
    }

    static <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    GeminiRealtimeTransport transport(String apiKey) {
        return new GeminiRealtimeTransport(GeminiEndpoint.apiKey(server.uri().toString(), apiKey, null));
    }

    RecordingListener open(GeminiRealtimeTransport transport, SessionConfig config, Resume resume) throws Exception {
        return open(transport, config, resume, null);
    }

    /** Opens a session; {@code wrapper}, when given, is what the session reports to, and it feeds the recorder. */
    RecordingListener open(GeminiRealtimeTransport transport, SessionConfig config, Resume resume,
            Function<RecordingListener, RealtimeListener> wrapper) throws Exception {
        RecordingListener listener = new RecordingListener(loop);
        listeners.add(listener);
        RealtimeListener target = wrapper == null ? listener : wrapper.apply(listener);
        listener.session = onLoop(() -> transport.open(config, resume, loop, target));
        return listener;
    }

    RecordingListener open(SessionConfig config, Resume resume) throws Exception {
        return open(transport(API_KEY), config, resume);
    }

    /** Opens a session with {@link #CONFIG} and waits until it is ready. */
    RecordingListener openReady() throws Exception {
        RecordingListener listener = open(CONFIG, Resume.NONE);
        listener.next(ServerEvent.SessionReady.class);
        return listener;
    }

    static boolean send(RecordingListener listener, ClientEvent event) throws Exception {
        return onLoop(() -> listener.session.send(event));
    }

    /** A deterministic, non-silent test signal: every byte differs from its neighbours. */
    static byte[] pcm(int bytes, int seed) {
        byte[] pcm = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            pcm[i] = (byte) (i * 7 + seed);
        }
        return pcm;
    }

    /** Collects audio deltas up to the response's end, checking each belongs to {@code responseId}. */
    static byte[] audioUntilDone(RecordingListener listener, String responseId) throws Exception {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        while (true) {
            ServerEvent event = listener.next();
            switch (event) {
                case ServerEvent.AudioDelta delta -> {
                    assertEquals(responseId, delta.responseId());
                    assertEquals("item_" + responseId.substring("resp_".length()), delta.itemId());
                    audio.writeBytes(delta.audio());
                }
                case ServerEvent.Transcript transcript -> assertFalse(transcript.done(), "done before the response");
                case ServerEvent.ResponseDone done -> {
                    assertEquals(new ServerEvent.ResponseDone(responseId, "completed", null), done);
                    return audio.toByteArray();
                }
                default -> throw new AssertionError("unexpected " + EventText.of(event));
            }
        }
    }
}
