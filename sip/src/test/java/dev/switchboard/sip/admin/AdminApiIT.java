package dev.switchboard.sip.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin HTTP API: open health check, everything else behind the bearer token. */
class AdminApiIT {

    private static TestServer server;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startEcho(30_600);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIsOpenToAll() throws Exception {
        HttpResponse<String> response = get("/healthz", null);
        assertEquals(200, response.statusCode());
        assertEquals("ok\n", response.body());
    }

    @Test
    void metricsNeedTheToken() throws Exception {
        assertEquals(401, get("/metrics", null).statusCode());
        assertEquals(401, get("/metrics", "wrong-token").statusCode());
        HttpResponse<String> metrics = get("/metrics", "test-token");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("switchboard_calls_active 0"), metrics.body());
        assertTrue(metrics.body().contains("# TYPE switchboard_rtp_port_pairs_available gauge"), metrics.body());
    }

    @Test
    void liveCallsAreListedAndCanBeHungUp() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(4000, "0"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            HttpResponse<String> calls = get("/calls", "test-token");
            assertEquals(200, calls.statusCode());
            assertTrue(calls.body().contains("\"callId\":\"" + call.callId() + "\""), calls.body());
            assertTrue(calls.body().contains("\"agent\":\"echo\""), calls.body());

            HttpResponse<String> hangup = http.send(request("/calls/" + call.callId() + "/hangup", "test-token")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, hangup.statusCode());
            call.awaitByeFromServer(Duration.ofSeconds(5));
        }
        assertEquals(404, http.send(request("/calls/nope/hangup", "test-token")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void unknownPathsAre404AndOversizedRequestsAreRefused() throws Exception {
        assertEquals(404, get("/nothing-here", "test-token").statusCode());
        int status;
        try {
            status = http.send(request("/metrics", "test-token")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(64 * 1024))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException closedOnUs) {
            status = 413; // the server answered 413 and closed while the body was still being sent
        }
        assertTrue(status >= 400, "a 64 KiB body is refused: " + status);
        assertEquals(200, get("/healthz", null).statusCode(), "and the server carries on");
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.server().adminPort() + path)).timeout(Duration.ofSeconds(5));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
