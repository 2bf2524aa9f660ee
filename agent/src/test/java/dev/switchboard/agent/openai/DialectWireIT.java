package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.ws.ScriptedWebSocketServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Peer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Upgrade;







import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import java.util.List;



import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Azure (realtime-protocols §4) and xAI (§5) over loopback: the handshake each expects, xAI's flat
 * {@code session.update}, and the xAI events and habits the session absorbs (keep-alive pings, repeated function
 * calls, interim caller transcripts, top-level usage, no truncation).
 */
class DialectWireIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AZURE_KEY = "azure-key-0123456789abcdef";
    private static final String XAI_KEY = "xai-0123456789abcdefghij";
    private static final SessionConfig CONFIG = new SessionConfig("", "Be brief.", "eve", AudioFormat.PCMU,
            AudioFormat.PCMU, List.of());

    @RegisterExtension
    static final SessionLoop LOOP = new SessionLoop();

    private static RecordingRealtimeListener open(RealtimeTransport transport) throws Exception {
        return LOOP.open(transport, CONFIG);
    }

    private static String httpBase(ScriptedWebSocketServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    private static RealtimeTransport xaiTransport(ScriptedWebSocketServer server) {
        return new OpenAiRealtimeTransport(
                OpenAiEndpoint.xai(server.uri("/v1").toString(), XAI_KEY, "grok-voice-latest"), Dialect.XAI);
    }

    /** Confirms {@code session.update} like any of these servers. */
    private static ScriptedWebSocketServer.Script readyScript() {
        return new ScriptedWebSocketServer.Script() {
            @Override
            public void onText(Peer peer, String text) {
                if (text.contains("\"session.update\"")) {
                    peer.sendText("{\"type\":\"session.updated\",\"session\":{}}");
                }
            }
        };
    }

    private static String type(String json) throws Exception {
        return JSON.readTree(json).get("type").textValue();
    }

    @Test
    void azureConnectsToTheDeploymentWithItsApiKey() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = open(new OpenAiRealtimeTransport(
                    OpenAiEndpoint.azure(httpBase(server), AZURE_KEY, null, "my-realtime"), Dialect.AZURE));

            Upgrade upgrade = server.nextUpgrade();
            assertEquals("/openai/v1/realtime?model=my-realtime", upgrade.uri());
            assertEquals(AZURE_KEY, upgrade.headers().get("api-key"));
            assertNull(upgrade.headers().get("Authorization"));
            assertNull(upgrade.headers().get("OpenAI-Beta"));
            JsonNode update = JSON.readTree(server.nextPeer().nextText());
            assertEquals(JSON.readTree(SessionUpdates.sessionUpdate(CONFIG, Dialect.OPENAI, true)), update,
                    "Azure's GA endpoint takes OpenAI's session.update");
            call.next(ServerEvent.SessionReady.class);
        }
    }

    @Test
    void azureWithAnEntraTokenSendsABearer() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            open(new OpenAiRealtimeTransport(
                    OpenAiEndpoint.azure(httpBase(server) + "/openai/v1", null, "entra.token.value", "dep"),
                    Dialect.AZURE));

            Upgrade upgrade = server.nextUpgrade();
            assertEquals("/openai/v1/realtime?model=dep", upgrade.uri());
            assertEquals("Bearer entra.token.value", upgrade.headers().get("Authorization"));
            assertNull(upgrade.headers().get("api-key"));
        }
    }

    @Test
    void xaiConnectsWithABearerAndSendsTheFlatSessionUpdate() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = open(xaiTransport(server));

            Upgrade upgrade = server.nextUpgrade();
            assertEquals("/v1/realtime?model=grok-voice-latest", upgrade.uri());
            assertEquals("Bearer " + XAI_KEY, upgrade.headers().get("Authorization"));
            JsonNode session = JSON.readTree(server.nextPeer().nextText()).get("session");
            assertEquals("eve", session.get("voice").textValue());
            assertEquals("server_vad", session.at("/turn_detection/type").textValue());
            assertFalse(session.has("type"), "xAI's session has no type");
            assertEquals("audio/pcmu", session.at("/audio/input/format/type").textValue());
            call.next(ServerEvent.SessionReady.class);
        }
    }

    @Test
    void xaiEventsArriveAsNeutralEventsWithARepeatedCallReportedOnce() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = open(xaiTransport(server));
            call.next(ServerEvent.SessionReady.class);
            Peer peer = server.nextPeer();

            String functionCall = """
                    {"type":"conversation.item.added","item":{"id":"item_5","type":"function_call",
                     "call_id":"call_9","name":"lookup_order","arguments":"{}"}}""";
            String argumentsDone = """
                    {"type":"response.function_call_arguments.done","call_id":"call_9","name":"lookup_order",
                     "arguments":"{}"}""";
            peer.sendText("{\"type\":\"ping\",\"timestamp\":1767225600}");
            peer.sendText("""
                    {"type":"conversation.item.input_audio_transcription.updated","item_id":"item_1",
                     "transcript":"Where is"}""");
            peer.sendText("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}");
            peer.sendText(functionCall);
            peer.sendText(argumentsDone);
            peer.sendText(functionCall);
            peer.sendText(argumentsDone);
            peer.sendText("""
                    {"type":"response.done","response":{"id":"resp_1","status":"completed"},
                     "usage":{"input_tokens":10,"output_tokens":5,"total_tokens":15}}""");

            assertEquals(new ServerEvent.Transcript(Role.USER, "item_1", "Where is", false),
                    call.next(ServerEvent.class));
            assertEquals(new ServerEvent.ResponseStarted("resp_1"), call.next(ServerEvent.class));
            assertEquals(new ServerEvent.ToolCallDone("call_9", "lookup_order", "{}"), call.next(ServerEvent.class));
            assertEquals(new ServerEvent.ResponseDone("resp_1", "completed", null), call.next(ServerEvent.class));
            assertEquals(new ServerEvent.Usage(10, 5, 15), call.next(ServerEvent.class));
            call.assertNothingMore();
        }
    }

    @Test
    void anXaiInterruptCancelsWithoutTruncating() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = open(xaiTransport(server));
            call.next(ServerEvent.SessionReady.class);
            Peer peer = server.nextPeer();
            assertEquals("session.update", type(peer.nextText()));

            peer.sendText("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_2\"}}");
            call.next(ServerEvent.ResponseStarted.class);
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt("item_8", 0, 640))));
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.UserText("4 2"))));

            assertEquals("response.cancel", type(peer.nextText()));
            assertEquals("conversation.item.create", type(peer.nextText()), "no truncate between them");
        }
    }
}
