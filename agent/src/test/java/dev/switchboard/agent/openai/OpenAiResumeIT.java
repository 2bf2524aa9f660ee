package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.local.LocalRealtimeServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Peer;







import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;



import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replacement session restores the conversation over loopback: the history goes out as
 * {@code conversation.item.create} items, in order, after {@code session.updated}, and {@code SessionReady} waits
 * for the server to answer them (or for the bound), whatever the answers are.
 */
class OpenAiResumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SessionConfig CONFIG = new SessionConfig("", "Be brief.", null, AudioFormat.PCMU,
            AudioFormat.PCMU, List.of());
    private static final String SESSION_UPDATED = "{\"type\":\"session.updated\",\"session\":{\"type\":\"realtime\"}}";
    private static final List<HistoryEntry> HISTORY = List.of(
            new HistoryEntry.UserSaid("Where is my order?"),
            new HistoryEntry.AgentSaid("Let me check."),
            new HistoryEntry.ToolCalled("call_1", "lookup_order", "{\"order_id\":\"123\"}"),
            new HistoryEntry.ToolAnswered("call_1", "{\"status\":\"shipped\"}"));
    /** Long enough that only the server's answers can make a session ready within the listener's wait. */
    private static final Duration PATIENT = Duration.ofSeconds(30);

    @RegisterExtension
    static final SessionLoop LOOP = new SessionLoop();

    private RecordingRealtimeListener resume(RealtimeTransport transport, List<HistoryEntry> history)
            throws Exception {
        return LOOP.open(transport, CONFIG, new Resume(history, null));
    }

    private static RealtimeTransport transportTo(ScriptedWebSocketServer server, Duration restoreBound) {
        return new OpenAiRealtimeTransport(OpenAiEndpoint.bearer(server.uri("/v1").toString(), null, "gpt-realtime"),
                Dialect.OPENAI, restoreBound);
    }

    /** Confirms the configuration and nothing else: the test answers the history items itself. */
    private static ScriptedWebSocketServer.Script confirmsConfiguration() {
        return new ScriptedWebSocketServer.Script() {
            @Override
            public void onText(Peer peer, String text) {
                if (text.contains("\"session.update\"")) {
                    peer.sendText(SESSION_UPDATED);
                }
            }
        };
    }

    private static String itemAdded(String id) {
        return "{\"type\":\"conversation.item.added\",\"previous_item_id\":null,\"item\":{\"id\":\"" + id
                + "\",\"object\":\"realtime.item\"}}";
    }

    /** Reads the session.update and then one item per history entry, checking each is that entry, in order. */
    private static void expectHistoryItems(Peer peer) throws Exception {
        assertEquals("session.update", JSON.readTree(peer.nextText()).get("type").textValue());
        for (HistoryEntry entry : HISTORY) {
            assertEquals(JSON.readTree(OpenAiClientEvents.historyItem(entry)), JSON.readTree(peer.nextText()));
        }
    }

    @Test
    void theHistoryGoesOutInOrderAndReadyWaitsForEveryAnswer() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(confirmsConfiguration())) {
            RecordingRealtimeListener call = resume(transportTo(server, PATIENT), HISTORY);
            Peer peer = server.nextPeer();
            expectHistoryItems(peer);

            peer.sendText(itemAdded("item_1"));
            peer.sendText(itemAdded("item_2"));
            peer.sendText(itemAdded("item_3"));
            peer.sendText("{\"type\":\"conversation.item.created\",\"item\":{\"id\":\"item_3\"}}");
            call.assertNothingMore();
            assertEquals(List.of(false, false), LOOP.call(() -> List.of(call.session.isOpen(),
                    call.session.send(new ClientEvent.CreateResponse()))), "not ready while an item is unanswered");

            peer.sendText(itemAdded("item_4"));
            call.next(ServerEvent.SessionReady.class);
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.CreateResponse())));
            assertEquals("response.create", JSON.readTree(peer.nextText()).get("type").textValue(),
                    "nothing else was sent between the history and the first command");
        }
    }

    @Test
    void aRefusedItemIsCountedAndTheSessionStillGoesReady() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(confirmsConfiguration())) {
            RecordingRealtimeListener call = resume(transportTo(server, PATIENT), HISTORY);
            Peer peer = server.nextPeer();
            expectHistoryItems(peer);

            peer.sendText(itemAdded("item_1"));
            peer.sendText(itemAdded("item_2"));
            peer.sendText("""
                    {"type":"error","error":{"type":"invalid_request_error","code":"invalid_value",
                     "message":"Invalid 'item.arguments'."}}""");
            peer.sendText(itemAdded("item_4"));

            call.next(ServerEvent.SessionReady.class);
            assertTrue(LOOP.call(() -> call.session.isOpen()), "a half-restored context beats dead air");
            call.assertNothingMore();
        }
    }

    @Test
    void unansweredItemsDelayReadyOnlyUntilTheBound() throws Exception {
        Duration bound = Duration.ofMillis(400);
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(confirmsConfiguration())) {
            long start = System.nanoTime();
            RecordingRealtimeListener call = resume(transportTo(server, bound), HISTORY);
            expectHistoryItems(server.nextPeer());

            call.next(ServerEvent.SessionReady.class);
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(waited >= bound.toMillis(), "ready after " + waited + " ms, before the bound");
            assertTrue(LOOP.call(() -> call.session.isOpen()));
        }
    }

    @Test
    void withoutHistoryNoItemIsSentAndReadyFollowsTheConfiguration() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(confirmsConfiguration())) {
            RecordingRealtimeListener call = resume(transportTo(server, PATIENT), List.of());
            Peer peer = server.nextPeer();
            call.next(ServerEvent.SessionReady.class);

            assertEquals("session.update", JSON.readTree(peer.nextText()).get("type").textValue());
            assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.CommitAudio())));
            assertEquals("input_audio_buffer.commit", JSON.readTree(peer.nextText()).get("type").textValue());
        }
    }

    @Test
    void theLocalEngineAcknowledgesEveryRestoredItem() throws Exception {
        LocalRealtimeServer local = LocalRealtimeServer.start("127.0.0.1", 0);
        try {
            RealtimeTransport transport = new OpenAiRealtimeTransport(
                    OpenAiEndpoint.bearer(local.baseUri().toString(), null, "echo"), Dialect.LOCAL, PATIENT);
            RecordingRealtimeListener call = LOOP.listener();
            SessionConfig echo = new SessionConfig("echo", "", null, AudioFormat.PCM16_24K, AudioFormat.PCM16_24K,
                    List.of());
            call.session = LOOP.call(() -> transport.open(echo, new Resume(HISTORY, null), LOOP.loop(), call));

            call.next(ServerEvent.SessionReady.class);
            assertTrue(LOOP.call(() -> call.session.isOpen()));
            call.assertNothingMore();
        } finally {
            local.close();
        }
    }

    @Test
    void onlyTheBoundedRecentHistoryIsSent() throws Exception {
        List<HistoryEntry> longCall = new ArrayList<>();
        for (int i = 0; i < ConversationSeed.MAX_ENTRIES + 5; i++) {
            longCall.add(new HistoryEntry.UserSaid("turn " + i));
        }
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
            private int items;

            @Override
            public void onText(Peer peer, String text) {
                if (text.contains("\"session.update\"")) {
                    peer.sendText(SESSION_UPDATED);
                } else {
                    peer.sendText(itemAdded("item_" + items++));
                }
            }
        })) {
            RecordingRealtimeListener call = resume(transportTo(server, PATIENT), longCall);
            call.next(ServerEvent.SessionReady.class);
            Peer peer = server.nextPeer();
            peer.nextText();
            JsonNode first = JSON.readTree(peer.nextText());
            assertEquals("turn 5", first.at("/item/content/0/text").textValue());
        }
    }
}
