package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.ws.ScriptedWebSocketServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Peer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Upgrade;







import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import java.util.Base64;
import java.util.List;



import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OpenAiRealtimeSession} against a scripted provider over loopback: what it sends on the wire for each
 * command (realtime-protocols §2.1–§2.7), how it maps provider events the local engine never produces (tool calls,
 * errors after setup) and how a provider-side close is reported.
 */
class OpenAiRealtimeWireIT {

    private static final SessionConfig CONFIG = new SessionConfig("", "Be brief.", null, AudioFormat.PCMU,
            AudioFormat.PCMU, List.of());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_UPDATED = """
            {"type":"session.updated","event_id":"event_2","session":{"type":"realtime","object":"realtime.session",
             "id":"sess_1","model":"gpt-realtime","output_modalities":["audio"]}}""";

    @RegisterExtension
    static final SessionLoop LOOP = new SessionLoop();

    private static RecordingRealtimeListener open(RealtimeTransport transport, SessionConfig config)
            throws Exception {
        return LOOP.open(transport, config);
    }

    /** Opens a session on {@code server} and waits until it is ready; the server must run {@link #readyScript}. */
    private RecordingRealtimeListener openReady(ScriptedWebSocketServer server) throws Exception {
        RecordingRealtimeListener recorder = open(transportTo(server, null), CONFIG);
        recorder.next(ServerEvent.SessionReady.class);
        return recorder;
    }

    private static OpenAiRealtimeTransport transportTo(ScriptedWebSocketServer server, String apiKey) {
        return new OpenAiRealtimeTransport(OpenAiEndpoint.bearer(server.uri("/v1").toString(), apiKey, "gpt-realtime"));
    }

    @Test
    void connectsWithTheBearerKeyAndTheModelAndSendsSessionUpdateFirst() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            SessionConfig config = new SessionConfig("gpt-realtime-mini", "Be brief.", "marin", AudioFormat.PCMU,
                    AudioFormat.PCMU, List.of());
            open(transportTo(server, "sk-test-abcdef0123456789"), config);

            Upgrade upgrade = server.nextUpgrade();
            assertEquals("/v1/realtime?model=gpt-realtime-mini", upgrade.uri());
            assertEquals("Bearer sk-test-abcdef0123456789", upgrade.headers().get("Authorization"));
            assertNull(upgrade.headers().get("OpenAI-Beta"), "the beta header selects the retired protocol");
            JsonNode first = JSON.readTree(server.nextPeer().nextText());
            assertEquals(JSON.readTree(SessionUpdates.sessionUpdate(config, Dialect.OPENAI, true)), first);
        }
    }

    @Test
    void withoutAKeyNoAuthorizationHeaderIsSent() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
        })) {
            open(transportTo(server, null), CONFIG);
            Upgrade upgrade = server.nextUpgrade();
            assertEquals("/v1/realtime?model=gpt-realtime", upgrade.uri(), "the endpoint's default model");
            assertNull(upgrade.headers().get("Authorization"));
        }
    }

    @Test
    void commandsBecomeTheirGaEventsOnTheWire() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);
            Peer peer = server.nextPeer();
            assertEquals("session.update", type(peer.nextText()));

            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.AppendAudio(new byte[] {1, 2, 3}))));
            JsonNode append = JSON.readTree(peer.nextText());
            assertEquals("input_audio_buffer.append", append.get("type").textValue());
            assertArrayEquals(new byte[] {1, 2, 3}, Base64.getDecoder().decode(append.get("audio").textValue()));

            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.CommitAudio())));
            assertEquals("input_audio_buffer.commit", type(peer.nextText()));
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.UserText("4 2"))));
            assertEquals(JSON.readTree(OpenAiClientEvents.userText("4 2")), JSON.readTree(peer.nextText()));
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.ToolResult("call_001", "{\"ok\":true}"))));
            assertEquals(JSON.readTree(OpenAiClientEvents.toolResult("call_001", "{\"ok\":true}")),
                    JSON.readTree(peer.nextText()));
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.CreateResponse())));
            assertEquals("response.create", type(peer.nextText()));

            // No response is running: only the truncate goes out.
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt("item_002", 0, 1500))));
            assertEquals(JSON.readTree(OpenAiClientEvents.truncate("item_002", 0, 1500)),
                    JSON.readTree(peer.nextText()));
        }
    }

    @Test
    void anInterruptDuringAResponseCancelsItThenTruncates() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);
            Peer peer = server.nextPeer();
            assertEquals("session.update", type(peer.nextText()));

            peer.sendText("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_7\"}}");
            assertEquals(new ServerEvent.ResponseStarted("resp_7"), call.next(ServerEvent.class));

            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt("item_8", 0, 640))));
            assertEquals("response.cancel", type(peer.nextText()));
            assertEquals(JSON.readTree(OpenAiClientEvents.truncate("item_8", 0, 640)), JSON.readTree(peer.nextText()));

            // One cancel per response: a second interrupt only truncates.
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt("item_8", 0, 700))));
            assertEquals("conversation.item.truncate", type(peer.nextText()));
        }
    }

    @Test
    void aToolCallArrivesAsNeutralEvents() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);
            Peer peer = server.nextPeer();
            assertEquals("session.update", type(peer.nextText()));

            peer.sendText("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_2\"}}");
            peer.sendText("{\"type\":\"rate_limits.updated\",\"rate_limits\":[]}");
            peer.sendText("""
                    {"type":"response.output_item.added","response_id":"resp_2","output_index":0,"item":{
                     "id":"item_5","type":"function_call","call_id":"call_9","name":"lookup_order","arguments":""}}""");
            peer.sendText("""
                    {"type":"response.function_call_arguments.delta","call_id":"call_9","delta":"{\\"order_id\\":"}""");
            peer.sendText("""
                    {"type":"response.function_call_arguments.done","call_id":"call_9","name":"lookup_order",
                     "arguments":"{\\"order_id\\":\\"123\\"}"}""");
            peer.sendText("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_2\",\"status\":\"completed\"}}");
            peer.sendText("{\"type\":\"response.mcp_call.in_progress\"}");

            assertEquals(new ServerEvent.ResponseStarted("resp_2"), call.next(ServerEvent.class));
            assertEquals(new ServerEvent.RateLimits(List.of()), call.next(ServerEvent.class));
            assertEquals(new ServerEvent.ToolCallStarted("call_9", "lookup_order"), call.next(ServerEvent.class));
            assertEquals(new ServerEvent.ToolCallArgumentsDelta("call_9", "{\"order_id\":"),
                    call.next(ServerEvent.class));
            assertEquals(new ServerEvent.ToolCallDone("call_9", "lookup_order", "{\"order_id\":\"123\"}"),
                    call.next(ServerEvent.class));
            assertEquals(new ServerEvent.ResponseDone("resp_2", "completed", null), call.next(ServerEvent.class));
            assertEquals(new ServerEvent.Unrecognized("response.mcp_call.in_progress"), call.next(ServerEvent.class));

            // The response is over, so an interrupt must not cancel anything.
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt("item_5", 0, 0))));
            assertEquals("conversation.item.truncate", type(peer.nextText()));
        }
    }

    @Test
    void aProviderErrorAfterSetupKeepsTheSessionOpen() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);
            Peer peer = server.nextPeer();

            peer.sendText("not json at all");
            peer.sendText("""
                    {"type":"error","error":{"type":"invalid_request_error","code":"response_cancel_not_active",
                     "message":"Cancellation failed: no active response found."}}""");
            assertEquals(new ServerEvent.ProviderError("response_cancel_not_active",
                    "Cancellation failed: no active response found."), call.next(ServerEvent.class));
            assertTrue(LOOP.call(() -> call.session.isOpen()));
            call.assertNothingMore();
        }
    }

    @Test
    void aMalformedAudioDeltaIsDroppedAndTheSessionCarriesOn() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);
            Peer peer = server.nextPeer();

            peer.sendText("""
                    {"type":"response.output_audio.delta","response_id":"resp_1","item_id":"item_1",
                     "output_index":0,"content_index":0,"delta":"not base64!"}""");
            peer.sendText("""
                    {"type":"input_audio_buffer.speech_started","audio_start_ms":120,"item_id":"item_2"}""");
            assertEquals(new ServerEvent.SpeechStarted("item_2", 120), call.next(ServerEvent.class));
            assertTrue(LOOP.call(() -> call.session.isOpen()), "one bad chunk does not end the call");
            call.assertNothingMore();
        }
    }

    @Test
    void nothingFollowsTheClosedOfARefusedSession() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
            @Override
            public void onText(Peer peer, String text) {
                peer.sendText("""
                        {"type":"error","error":{"type":"invalid_request_error","code":"unknown_parameter",
                         "message":"Unknown parameter: 'session.x'."}}""");
                peer.sendText(SESSION_UPDATED);
                peer.sendText("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}");
            }
        })) {
            RecordingRealtimeListener call = open(transportTo(server, null), CONFIG);
            ServerEvent.Closed closed = call.next(ServerEvent.Closed.class);
            assertFalse(closed.retryable());
            assertTrue(closed.reason().contains("unknown_parameter"), closed.reason());
            call.assertNothingMore();
        }
    }

    @Test
    void aProviderCloseIsReportedWithItsCodeAndARedactedReason() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);

            server.nextPeer().close(4000, "key sk-leaked123456 uses the beta shape");
            assertEquals(new ServerEvent.Closed(4000, "key [redacted] uses the beta shape", true),
                    call.next(ServerEvent.class));
            assertFalse(LOOP.call(() -> call.session.isOpen()));
            call.assertNothingMore();
        }
    }

    @Test
    void aNormalCloseByTheProviderIsNotRetryable() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);

            server.nextPeer().close(1000, "bye");
            assertEquals(new ServerEvent.Closed(1000, "bye", false), call.next(ServerEvent.class));
            call.assertNothingMore();
        }
    }

    @Test
    void aDroppedConnectionIsRetryable() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(readyScript())) {
            RecordingRealtimeListener call = openReady(server);

            server.nextPeer().drop();
            ServerEvent.Closed closed = call.next(ServerEvent.Closed.class);
            assertEquals(1006, closed.code());
            assertTrue(closed.retryable());
            call.assertNothingMore();
        }
    }

    /** Confirms the session like a provider: {@code session.updated} in answer to {@code session.update}. */
    private static ScriptedWebSocketServer.Script readyScript() {
        return new ScriptedWebSocketServer.Script() {
            @Override
            public void onText(Peer peer, String text) {
                if (text.contains("\"session.update\"")) {
                    peer.sendText(SESSION_UPDATED);
                }
            }
        };
    }

    private static String type(String json) throws Exception {
        return JSON.readTree(json).get("type").textValue();
    }
}
