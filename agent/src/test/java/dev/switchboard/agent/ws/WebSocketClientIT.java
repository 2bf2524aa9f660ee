package dev.switchboard.agent.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.local.LocalRealtimeServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.CloseFrame;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Peer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Upgrade;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link WebSocketClient} against real loopback servers: the local engine, a scripted WebSocket server, a server that
 * refuses the upgrade, one that never answers and a port nobody listens on. Every callback must arrive on the
 * caller's event loop, and every connection must end with exactly one {@code onClosed} or {@code onFailure}.
 */
class WebSocketClientIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a test watches for callbacks that must not come. */
    private static final Duration QUIET_WINDOW = Duration.ofMillis(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static IoEventLoopGroup group;
    private static EventLoop loop;
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

    @AfterEach
    void everyCallbackRanOnTheLoop() {
        for (RecordingListener listener : listeners) {
            assertEquals(0, listener.offLoopCallbacks.get(), "callbacks that ran off the caller's event loop");
        }
    }

    private static <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void onLoop(Runnable task) throws Exception {
        loop.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private RecordingListener connect(URI uri, Map<String, String> headers) throws Exception {
        RecordingListener listener = new RecordingListener();
        listeners.add(listener);
        onLoop(() -> WebSocketClient.connect(uri, headers, loop, listener));
        return listener;
    }

    /** A loopback port with no listener: bound once to get a free number, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void connectsToTheLocalEngineAndReceivesItsGreeting() throws Exception {
        try (LocalRealtimeServer local = LocalRealtimeServer.start("127.0.0.1", 0)) {
            RecordingListener listener = connect(URI.create(local.baseUri() + "/realtime?model=echo"),
                    Map.of("Authorization", "Bearer sk-test-not-a-secret"));

            WebSocketConnection connection = listener.next(Opened.class).connection();
            assertTrue(onLoop(connection::isOpen));
            JsonNode created = JSON.readTree(listener.next(Text.class).text());
            assertEquals("session.created", created.get("type").textValue());
            assertEquals("echo", created.at("/session/model").textValue());
            JsonNode conversation = JSON.readTree(listener.next(Text.class).text());
            assertEquals("conversation.created", conversation.get("type").textValue());

            assertTrue(onLoop(() -> connection.sendText("{\"type\":\"input_audio_buffer.clear\"}")));
            assertEquals("input_audio_buffer.cleared",
                    JSON.readTree(listener.next(Text.class).text()).get("type").textValue());

            onLoop(() -> connection.close(1000, "done"));
            listener.next(Closed.class);
            listener.assertNothingMore();
        }
    }

    @Test
    void theUpgradeRequestCarriesThePathQueryAndExtraHeaders() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = connect(server.uri("/v1/realtime?model=gpt-realtime"),
                    Map.of("Authorization", "Bearer sk-test-key-1234", "X-Trace", "call-7"));
            listener.next(Opened.class);

            Upgrade upgrade = server.nextUpgrade();
            assertEquals("/v1/realtime?model=gpt-realtime", upgrade.uri());
            assertEquals("Bearer sk-test-key-1234", upgrade.headers().get("Authorization"));
            assertEquals("call-7", upgrade.headers().get("X-Trace"));
            assertNull(upgrade.headers().get("OpenAI-Beta"), "the beta header selects the retired protocol");
        }
    }

    @Test
    void exchangesTextBinaryFragmentedAndLargeMessages() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
            @Override
            public void onText(Peer peer, String text) {
                peer.sendText("echo:" + text);
            }
        })) {
            RecordingListener listener = connect(server.uri("/"), Map.of());
            WebSocketConnection connection = listener.next(Opened.class).connection();
            Peer peer = server.nextPeer();

            assertTrue(onLoop(() -> connection.sendText("{\"type\":\"response.create\"}")));
            assertEquals("{\"type\":\"response.create\"}", peer.nextText());
            assertEquals("echo:{\"type\":\"response.create\"}", listener.next(Text.class).text());

            peer.sendBinary(new byte[] {1, 2, 3, (byte) 0xff});
            assertArrayEquals(new byte[] {1, 2, 3, (byte) 0xff}, listener.next(Binary.class).data());

            peer.sendFragmented("{\"type\":\"response.output_audio", ".delta\"}");
            assertEquals("{\"type\":\"response.output_audio.delta\"}", listener.next(Text.class).text());

            String large = "x".repeat(1024 * 1024);
            peer.sendText(large);
            assertEquals(large, listener.next(Text.class).text());
        }
    }

    @Test
    void answersPingsWithPongs() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = connect(server.uri("/"), Map.of());
            listener.next(Opened.class);
            Peer peer = server.nextPeer();

            peer.ping("keepalive-1");
            assertEquals("keepalive-1", peer.nextPong());
            listener.assertNothingMore();
        }
    }

    @Test
    void nothingIsSentBeforeTheHandshakeCompletes() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = new RecordingListener();
            listeners.add(listener);
            List<Boolean> early = onLoop(() -> {
                WebSocketConnection connection = WebSocketClient.connect(server.uri("/"), Map.of(), loop, listener);
                return List.of(connection.isOpen(), connection.sendText("too early"),
                        connection.sendBinary(new byte[] {1}));
            });
            assertEquals(List.of(false, false, false), early);

            WebSocketConnection connection = listener.next(Opened.class).connection();
            assertTrue(onLoop(() -> connection.sendText("in time")));
            assertEquals("in time", server.nextPeer().nextText());
        }
    }

    @Test
    void anHttpErrorAtTheUpgradeFailsWithItsStatus() throws Exception {
        String body = "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_api_key\"}}";
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.refusing(HttpResponseStatus.UNAUTHORIZED, body)) {
            RecordingListener listener = connect(server.uri("/v1/realtime?model=gpt-realtime"), Map.of());

            Throwable cause = listener.next(Failed.class).cause();
            WebSocketHandshakeRefused refused = assertInstanceOf(WebSocketHandshakeRefused.class, cause);
            assertEquals(401, refused.status());
            assertEquals("HTTP 401: " + body, refused.getMessage(), "the provider's explanation is kept");
            listener.assertNothingMore();
        }
    }

    @Test
    void aPortNobodyListensOnFailsPromptly() throws Exception {
        RecordingListener listener = connect(URI.create("ws://127.0.0.1:" + closedPort() + "/v1/realtime"), Map.of());

        Throwable cause = listener.next(Failed.class).cause();
        assertInstanceOf(ConnectException.class, cause);
        listener.assertNothingMore();
    }

    /** The handshake timeout is 10 s by design; this test waits for it once. */
    @Test
    void aServerThatNeverAnswersTheUpgradeTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            RecordingListener listener = connect(URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/"), Map.of());

            Throwable cause = listener.next(Failed.class, Duration.ofSeconds(20)).cause();
            assertInstanceOf(TimeoutException.class, cause);
            listener.assertNothingMore();
        }
    }

    @Test
    void closingOurselvesSendsTheCloseFrameAndEndsWithOneOnClosed() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = connect(server.uri("/"), Map.of());
            WebSocketConnection connection = listener.next(Opened.class).connection();
            Peer peer = server.nextPeer();

            onLoop(() -> connection.close(1000, "call ended"));
            assertEquals(new CloseFrame(1000, "call ended"), peer.nextCloseFrame());
            assertEquals(1000, listener.next(Closed.class).code(),
                    "RFC 6455 §7.1.1: we wait for the server's close, so the close is clean, not 1006");

            List<Boolean> afterwards = onLoop(() -> {
                connection.close(1000, "again");
                return List.of(connection.isOpen(), connection.sendText("late"));
            });
            assertEquals(List.of(false, false), afterwards);
            listener.assertNothingMore();
        }
    }

    @Test
    void aCloseFromThePeerIsReportedWithItsCodeAndReason() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = connect(server.uri("/"), Map.of());
            WebSocketConnection connection = listener.next(Opened.class).connection();
            Peer peer = server.nextPeer();

            peer.close(1011, "upstream overloaded");
            assertEquals(new Closed(1011, "upstream overloaded"), listener.next(Closed.class));
            assertEquals(1011, peer.nextCloseFrame().code(), "RFC 6455 §5.5.1: the close is answered with a close");
            assertTrue(peer.awaitDisconnected());
            assertFalse(onLoop(connection::isOpen));
            listener.assertNothingMore();
        }
    }

    @Test
    void aCloseWithoutStatusIsReportedAs1005AndAnsweredWithAnEmptyClose() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = connect(server.uri("/"), Map.of());
            listener.next(Opened.class);
            Peer peer = server.nextPeer();

            peer.closeWithoutStatus();
            assertEquals(new Closed(1005, ""), listener.next(Closed.class));
            assertEquals(-1, peer.nextCloseFrame().code(), "1005 may not be sent: the answer has no status");
            listener.assertNothingMore();
        }
    }

    @Test
    void aDroppedSocketIsAnAbnormalClosure() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = connect(server.uri("/"), Map.of());
            listener.next(Opened.class);

            server.nextPeer().drop();
            assertEquals(1006, listener.next(Closed.class).code());
            listener.assertNothingMore();
        }
    }

    @Test
    void closingBeforeTheConnectionStartsFailsOnceAndNeverOpens() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            RecordingListener listener = new RecordingListener();
            listeners.add(listener);
            onLoop(() -> WebSocketClient.connect(server.uri("/"), Map.of(), loop, listener).close(1000, "hung up"));

            assertInstanceOf(CancellationException.class, listener.next(Failed.class).cause());
            listener.assertNothingMore();
        }
    }

    @Test
    void aUriThatIsNotAWebSocketIsRejectedAtOnce() {
        RecordingListener listener = new RecordingListener();
        for (String uri : List.of("http://127.0.0.1:80/v1/realtime", "wsx://127.0.0.1/", "//127.0.0.1/v1",
                "ws:///v1/realtime")) {
            assertThrows(IllegalArgumentException.class,
                    () -> WebSocketClient.connect(URI.create(uri), Map.of(), loop, listener), uri);
        }
    }

    /** A callback as recorded. */
    private sealed interface Event permits Opened, Text, Binary, Closed, Failed {}

    private record Opened(WebSocketConnection connection) implements Event {}

    private record Text(String text) implements Event {}

    private record Binary(byte[] data) implements Event {}

    private record Closed(int code, String reason) implements Event {}

    private record Failed(Throwable cause) implements Event {}

    /** Queues every callback in order and counts those that arrive off the loop. */
    private static final class RecordingListener implements WebSocketListener {

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final AtomicInteger offLoopCallbacks = new AtomicInteger();

        private void record(Event event) {
            if (!loop.inEventLoop()) {
                offLoopCallbacks.incrementAndGet();
            }
            events.add(event);
        }

        @Override
        public void onOpen(WebSocketConnection connection) {
            record(new Opened(connection));
        }

        @Override
        public void onText(String text) {
            record(new Text(text));
        }

        @Override
        public void onBinary(byte[] data) {
            record(new Binary(data));
        }

        @Override
        public void onClosed(int code, String reason) {
            record(new Closed(code, reason));
        }

        @Override
        public void onFailure(Throwable cause) {
            record(new Failed(cause));
        }

        <T extends Event> T next(Class<T> type) throws InterruptedException {
            return next(type, WAIT);
        }

        <T extends Event> T next(Class<T> type, Duration timeout) throws InterruptedException {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, "no " + type.getSimpleName() + " within " + timeout);
            if (!type.isInstance(event)) {
                fail("expected " + type.getSimpleName() + " but got " + event);
            }
            return type.cast(event);
        }

        void assertNothingMore() throws InterruptedException {
            Event late = events.poll(QUIET_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
            assertNull(late, "callback after the connection ended");
        }
    }
}
