package dev.switchboard.agent.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection-level behaviour of the local engine over loopback: paths, limits, idle timeout, shutdown. */
class LocalRealtimeServerConnectionIT {

    private static HttpClient http;
    private static LocalRealtimeServer server;

    @BeforeAll
    static void startServer() {
        http = HttpClient.newHttpClient();
        server = LocalRealtimeServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        http.close();
    }

    private static URI realtimeUri(LocalRealtimeServer target) {
        return URI.create(target.baseUri() + "/realtime?model=echo");
    }

    /** Connects and consumes the greeting. */
    private static RealtimeTestClient connect(LocalRealtimeServer target) throws Exception {
        RealtimeTestClient client = RealtimeTestClient.connect(http, realtimeUri(target));
        client.expect("session.created");
        client.expect("conversation.created");
        return client;
    }

    private static int refusedHandshakeStatus(URI uri) {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { }).get());
        return assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse().statusCode();
    }

    @Test
    void baseUriIsLoopbackWithTheBoundPort() {
        assertEquals(URI.create("ws://127.0.0.1:" + server.port() + "/v1"), server.baseUri());
        assertTrue(server.port() > 0);
    }

    @Test
    void unknownPathIs404AndPlainHttpIsRefused() throws Exception {
        URI wrongPath = URI.create(server.baseUri() + "/elsewhere");
        assertEquals(404, refusedHandshakeStatus(wrongPath));

        String httpBase = "http://127.0.0.1:" + server.port();
        assertEquals(400, get(httpBase + "/v1/realtime").statusCode());
        HttpResponse<String> root = get(httpBase + "/");
        assertEquals(404, root.statusCode());
        assertTrue(root.body().contains("/v1/realtime"), root.body());
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(RealtimeTestClient.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sessionsBeyondTheLimitAreRefusedWith503() throws Exception {
        try (LocalRealtimeServer small = LocalRealtimeServer.start("127.0.0.1", 0,
                LocalEngineSettings.DEFAULTS.withMaxConnections(2))) {
            List<RealtimeTestClient> clients = new ArrayList<>();
            try {
                clients.add(connect(small));
                clients.add(connect(small));
                assertEquals(503, refusedHandshakeStatus(realtimeUri(small)));

                clients.removeFirst().close();
                clients.add(connectOnceAPlaceIsFree(small));
            } finally {
                clients.forEach(RealtimeTestClient::close);
            }
        }
    }

    /** The server frees a place when it notices the closed connection; retry the handshake until then. */
    private static RealtimeTestClient connectOnceAPlaceIsFree(LocalRealtimeServer target) throws Exception {
        long deadline = System.nanoTime() + RealtimeTestClient.TIMEOUT.toNanos();
        while (true) {
            try {
                return connect(target);
            } catch (ExecutionException e) {
                boolean full = e.getCause() instanceof WebSocketHandshakeException refused
                        && refused.getResponse().statusCode() == 503;
                if (!full || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    @Test
    void idleConnectionsAreClosedWithGoingAway() throws Exception {
        try (LocalRealtimeServer impatient = LocalRealtimeServer.start("127.0.0.1", 0,
                LocalEngineSettings.DEFAULTS.withIdleTimeout(Duration.ofMillis(300)));
             RealtimeTestClient client = connect(impatient)) {
            assertEquals(1001, client.awaitClose());
        }
    }

    @Test
    void closingTheServerClosesItsSessions() throws Exception {
        LocalRealtimeServer doomed = LocalRealtimeServer.start("127.0.0.1", 0);
        try (RealtimeTestClient client = connect(doomed)) {
            doomed.close();
            assertEquals(1001, client.awaitClose());
            doomed.close();
        }
    }
}
