package dev.switchboard.agent.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.ws.ScriptedWebSocketServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Peer;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which provider failures end the agent and which are worth a new connection (realtime-protocols §2.8, §2.9): a
 * spent quota is final whether the upgrade or a live session reports it; a rate limit, and the 60-minute session
 * cap, are not.
 */
class OpenAiFailureIT {

    private static final SessionConfig CONFIG = new SessionConfig("", "Be brief.", null, AudioFormat.PCMU,
            AudioFormat.PCMU, List.of());
    private static final String SESSION_UPDATED = "{\"type\":\"session.updated\",\"session\":{\"type\":\"realtime\"}}";

    @RegisterExtension
    static final SessionLoop LOOP = new SessionLoop();

    private static RecordingRealtimeListener open(ScriptedWebSocketServer server) throws Exception {
        OpenAiRealtimeTransport transport = new OpenAiRealtimeTransport(
                OpenAiEndpoint.bearer(server.uri("/v1").toString(), "sk-test-failures", "gpt-realtime"));
        return LOOP.open(transport, CONFIG);
    }

    private static ServerEvent.Closed closedAfterRefusal(HttpResponseStatus status, String body) throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.refusing(status, body)) {
            return assertInstanceOf(ServerEvent.Closed.class, open(server).next(ServerEvent.class));
        }
    }

    /** A session that goes ready, then gets {@code error} and the server's close with {@code code}. */
    private static ServerEvent.Closed closedAfterError(String error, int code) throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
            @Override
            public void onText(Peer peer, String text) {
                if (text.contains("\"session.update\"")) {
                    peer.sendText(SESSION_UPDATED);
                }
            }
        })) {
            RecordingRealtimeListener call = open(server);
            call.next(ServerEvent.SessionReady.class);
            Peer peer = server.nextPeer();
            peer.sendText(error);
            peer.close(code, "closing");
            assertInstanceOf(ServerEvent.ProviderError.class, call.next(ServerEvent.class));
            return call.next(ServerEvent.Closed.class);
        }
    }

    @Test
    void aSpentQuotaAtTheUpgradeIsFinal() throws Exception {
        ServerEvent.Closed closed = closedAfterRefusal(HttpResponseStatus.TOO_MANY_REQUESTS, """
                {"error":{"message":"You exceeded your current quota.","type":"insufficient_quota",\
                "code":"insufficient_quota"}}""");
        assertFalse(closed.retryable(), closed.toString());
        assertTrue(closed.reason().contains("insufficient_quota"), closed.reason());
    }

    @Test
    void aRateLimitAtTheUpgradeIsRetried() throws Exception {
        ServerEvent.Closed closed = closedAfterRefusal(HttpResponseStatus.TOO_MANY_REQUESTS, """
                {"error":{"message":"Rate limit reached for requests.","type":"requests",\
                "code":"rate_limit_exceeded"}}""");
        assertTrue(closed.retryable(), closed.toString());
    }

    @Test
    void aQuotaErrorMidSessionMakesTheCloseFinal() throws Exception {
        ServerEvent.Closed closed = closedAfterError("""
                {"type":"error","error":{"type":"insufficient_quota","code":"insufficient_quota",\
                "message":"You exceeded your current quota."}}""", 1011);
        assertFalse(closed.retryable(), closed.toString());
        assertTrue(closed.reason().startsWith("insufficient_quota"), closed.reason());
    }

    @Test
    void theSessionCapMidSessionIsRetried() throws Exception {
        ServerEvent.Closed closed = closedAfterError("""
                {"type":"error","error":{"type":"invalid_request_error","code":"session_expired",\
                "message":"Your session hit the maximum duration of 60 minutes."}}""", 1001);
        assertTrue(closed.retryable(), closed.toString());
        assertEquals(1001, closed.code());
    }
}
