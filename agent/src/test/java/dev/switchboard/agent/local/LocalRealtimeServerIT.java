package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.switchboard.agent.local.RealtimeTestClient.event;
import static dev.switchboard.agent.local.TestSignals.concat;
import static dev.switchboard.agent.local.TestSignals.modulatedTone;
import static dev.switchboard.agent.local.TestSignals.silence;
import static dev.switchboard.agent.local.TestSignals.tone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalRealtimeServerIT {

    private static final String DELTA = "response.output_audio.delta";
    /** The closing events of a spoken response after its last delta (reference §2.5, no transcript deltas). */
    private static final List<String> CLOSING_EVENTS = List.of("response.output_audio.done",
            "response.output_audio_transcript.done", "response.content_part.done", "response.output_item.done",
            "conversation.item.done", "response.done");

    private static HttpClient http;
    private static LocalRealtimeServer server;
    /** Paces deltas at 100 ms so a response is still streaming when the test interrupts it. */
    private static LocalRealtimeServer slowServer;

    @BeforeAll
    static void startServers() {
        http = HttpClient.newHttpClient();
        server = LocalRealtimeServer.start("127.0.0.1", 0);
        slowServer = LocalRealtimeServer.start("127.0.0.1", 0,
                LocalEngineSettings.DEFAULTS.withDeltaInterval(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stopServers() {
        server.close();
        slowServer.close();
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

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    private static byte[] deltaAudio(List<JsonNode> events) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        events.stream().filter(e -> DELTA.equals(e.path("type").asText()))
                .forEach(e -> audio.writeBytes(Base64.getDecoder().decode(e.get("delta").textValue())));
        return audio.toByteArray();
    }

    private static byte[] sliceMs(byte[] audio, long fromMs, long toMs) {
        return Arrays.copyOfRange(audio, (int) fromMs * Pcm24k.BYTES_PER_MS, (int) toMs * Pcm24k.BYTES_PER_MS);
    }

    @Test
    void greetsWithSessionCreatedThenConversationCreated() throws Exception {
        try (RealtimeTestClient client = RealtimeTestClient.connect(http, realtimeUri(server))) {
            JsonNode created = client.expect("session.created");
            assertTrue(created.get("event_id").textValue().startsWith("event_"));
            JsonNode session = created.get("session");
            assertEquals("realtime", session.get("type").textValue());
            assertEquals("realtime.session", session.get("object").textValue());
            assertTrue(session.get("id").textValue().startsWith("sess_"));
            assertEquals("echo", session.get("model").textValue());
            assertEquals("server_vad", session.at("/audio/input/turn_detection/type").textValue());
            assertEquals(24000, session.at("/audio/output/format/rate").intValue());

            JsonNode conversation = client.expect("conversation.created").get("conversation");
            assertTrue(conversation.get("id").textValue().startsWith("conv_"));
            assertEquals("realtime.conversation", conversation.get("object").textValue());
        }
    }

    @Test
    void sessionUpdateRepliesWithTheFullEffectiveConfig() throws Exception {
        try (RealtimeTestClient client = connect(server)) {
            client.send("""
                    {"type":"session.update","session":{"type":"realtime","instructions":"Be brief.",
                     "audio":{"output":{"voice":"marin"},"input":{"turn_detection":{"silence_duration_ms":700}}}}}""");
            JsonNode session = client.expect("session.updated").get("session");
            assertEquals("Be brief.", session.get("instructions").textValue());
            assertEquals("marin", session.at("/audio/output/voice").textValue());
            assertEquals(700, session.at("/audio/input/turn_detection/silence_duration_ms").intValue());
            assertEquals(0.5, session.at("/audio/input/turn_detection/threshold").doubleValue());
            assertEquals("audio/pcm", session.at("/audio/input/format/type").textValue());
            assertEquals("auto", session.get("tool_choice").textValue());

            client.send("""
                    {"type":"session.update","event_id":"evt_bad","session":{"type":"realtime",
                     "audio":{"input":{"format":{"type":"audio/pcmu"}}}}}""");
            JsonNode error = client.expect("error").get("error");
            assertEquals("invalid_request_error", error.get("type").textValue());
            assertEquals("invalid_value", error.get("code").textValue());
            assertEquals("session.audio.input.format", error.get("param").textValue());
            assertEquals("evt_bad", error.get("event_id").textValue());

            client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
            JsonNode kept = client.expect("session.updated").get("session");
            assertEquals("audio/pcm", kept.at("/audio/input/format/type").textValue());
            assertEquals("Be brief.", kept.get("instructions").textValue());
        }
    }

    @Test
    void serverVadTurnIsAnsweredWithItsOwnAudio() throws Exception {
        byte[] audio = concat(silence(300), modulatedTone(800, -20, 440, 4, 0.5), silence(700));
        try (RealtimeTestClient client = connect(server)) {
            client.appendAudio(audio, 20);

            JsonNode started = client.expect("input_audio_buffer.speech_started");
            String userItem = started.get("item_id").textValue();
            long startMs = started.get("audio_start_ms").longValue();
            assertTrue(startMs <= 40, "speech at 300 ms minus 300 ms padding, got " + startMs);
            JsonNode stopped = client.expect("input_audio_buffer.speech_stopped");
            assertEquals(userItem, stopped.get("item_id").textValue());
            long endMs = stopped.get("audio_end_ms").longValue();
            assertTrue(endMs >= 1600 && endMs <= 1650, "speech ends at 1100 ms plus 500 ms silence, got " + endMs);

            JsonNode committed = client.expect("input_audio_buffer.committed");
            assertEquals(userItem, committed.get("item_id").textValue());
            assertTrue(committed.get("previous_item_id").isNull());
            JsonNode userAdded = client.expect("conversation.item.added").get("item");
            assertEquals(userItem, userAdded.get("id").textValue());
            assertEquals("user", userAdded.get("role").textValue());
            assertEquals("input_audio", userAdded.at("/content/0/type").textValue());
            client.expect("conversation.item.done");

            List<JsonNode> response = client.until("response.done");
            assertSpokenResponseShape(response, userItem, "completed");
            byte[] expected = sliceMs(audio, startMs, endMs);
            assertArrayEquals(expected, deltaAudio(response), "the echo is exactly the caller's turn");
            long deltas = types(response).stream().filter(DELTA::equals).count();
            assertEquals((expected.length + ResponseStreamer.DELTA_BYTES - 1) / ResponseStreamer.DELTA_BYTES, deltas);
            assertEventIdsUnique(response);

            String assistantItem = response.get(1).at("/item/id").textValue();
            truncateChecks(client, assistantItem, endMs - startMs);
        }
    }

    private static void assertSpokenResponseShape(List<JsonNode> events, String previousItem, String status) {
        List<String> types = types(events);
        assertEquals(List.of("response.created", "response.output_item.added", "conversation.item.added",
                "response.content_part.added"), types.subList(0, 4));
        assertEquals(CLOSING_EVENTS, types.subList(types.size() - CLOSING_EVENTS.size(), types.size()));
        assertTrue(types.subList(4, types.size() - CLOSING_EVENTS.size()).stream().allMatch(DELTA::equals));

        JsonNode created = events.get(0).get("response");
        String responseId = created.get("id").textValue();
        assertTrue(responseId.startsWith("resp_"));
        assertEquals("realtime.response", created.get("object").textValue());
        assertEquals("in_progress", created.get("status").textValue());
        assertEquals(0, created.get("output").size());

        JsonNode item = events.get(1).get("item");
        assertEquals(responseId, events.get(1).get("response_id").textValue());
        assertEquals(0, events.get(1).get("output_index").intValue());
        assertEquals("assistant", item.get("role").textValue());
        assertEquals("in_progress", item.get("status").textValue());
        assertEquals(previousItem, events.get(2).get("previous_item_id").textValue());
        assertEquals("audio", events.get(3).at("/part/type").textValue());

        JsonNode finalItem = events.get(events.size() - 3).get("item");
        assertEquals("completed".equals(status) ? "completed" : "incomplete", finalItem.get("status").textValue());
        assertEquals("output_audio", finalItem.at("/content/0/type").textValue());
        JsonNode done = events.getLast().get("response");
        assertEquals(responseId, done.get("id").textValue());
        assertEquals(status, done.get("status").textValue());
        assertEquals(item.get("id"), done.at("/output/0/id"));
        assertEquals(0, done.at("/usage/total_tokens").intValue());
    }

    private static void assertEventIdsUnique(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertTrue(ids.add(e.get("event_id").textValue()), "duplicate event_id in " + e));
    }

    private static void truncateChecks(RealtimeTestClient client, String itemId, long durationMs) throws Exception {
        client.send(event("conversation.item.truncate").put("item_id", itemId).put("content_index", 0)
                .put("audio_end_ms", 1000));
        JsonNode truncated = client.expect("conversation.item.truncated");
        assertEquals(itemId, truncated.get("item_id").textValue());
        assertEquals(0, truncated.get("content_index").intValue());
        assertEquals(1000, truncated.get("audio_end_ms").intValue());

        client.send(event("conversation.item.truncate").put("item_id", itemId).put("content_index", 0)
                .put("audio_end_ms", durationMs + 500));
        JsonNode error = client.expect("error").get("error");
        assertEquals("invalid_value", error.get("code").textValue());
        assertTrue(error.get("message").textValue().contains(durationMs + " ms"), error.toString());
    }

    @Test
    void speechDuringAResponseCancelsIt() throws Exception {
        try (RealtimeTestClient client = connect(slowServer)) {
            client.appendAudio(concat(silence(300), tone(3000, -20, 440), silence(700)), 20);
            client.until("response.created");
            client.expect("response.output_item.added");
            client.expect("conversation.item.added");
            client.expect("response.content_part.added");
            client.expect(DELTA);

            byte[] bargeIn = concat(tone(400, -22, 330), silence(700));
            client.appendAudio(bargeIn, 20);
            List<JsonNode> untilCancelled = client.until("response.done");
            List<String> types = types(untilCancelled);
            int speech = types.indexOf("input_audio_buffer.speech_started");
            assertTrue(speech >= 0, "speech_started before the cancellation: " + types);
            assertEquals(CLOSING_EVENTS, types.subList(speech + 1, types.size()));
            JsonNode cancelled = untilCancelled.getLast().get("response");
            assertEquals("cancelled", cancelled.get("status").textValue());
            assertEquals("cancelled", cancelled.at("/status_details/type").textValue());
            assertEquals("turn_detected", cancelled.at("/status_details/reason").textValue());
            assertEquals("incomplete", cancelled.at("/output/0/status").textValue());
            String cancelledItem = cancelled.at("/output/0/id").textValue();

            long startMs = untilCancelled.get(speech).get("audio_start_ms").longValue();
            assertEquals(3800, startMs, "the padding cannot reach into the previous turn, which ended at 3800 ms");
            long endMs = client.expect("input_audio_buffer.speech_stopped").get("audio_end_ms").longValue();
            assertEquals(4000 + 400 + 500, endMs);
            client.expect("input_audio_buffer.committed");
            client.expect("conversation.item.added");
            client.expect("conversation.item.done");
            List<JsonNode> answer = client.until("response.done");
            assertEquals("completed", answer.getLast().at("/response/status").textValue());
            assertEquals((endMs - startMs) * Pcm24k.BYTES_PER_MS, deltaAudio(answer).length,
                    "the new turn is echoed whole");

            client.send(event("conversation.item.truncate").put("item_id", cancelledItem).put("content_index", 0)
                    .put("audio_end_ms", 100));
            assertEquals(cancelledItem, client.expect("conversation.item.truncated").get("item_id").textValue());
        }
    }

    @Test
    void manualTurnsCommitClearAndAnswerWithoutAudio() throws Exception {
        try (RealtimeTestClient client = connect(slowServer)) {
            client.send("""
                    {"type":"session.update","session":{"type":"realtime","audio":{"input":{"turn_detection":null}}}}""");
            assertTrue(client.expect("session.updated").at("/session/audio/input/turn_detection").isNull());

            client.send(event("input_audio_buffer.commit"));
            assertEquals("input_audio_buffer_commit_empty", client.expect("error").at("/error/code").textValue());

            client.send(event("response.create"));
            String emptyId = client.expect("response.created").at("/response/id").textValue();
            JsonNode empty = client.expect("response.done").get("response");
            assertEquals(emptyId, empty.get("id").textValue());
            assertEquals("completed", empty.get("status").textValue());
            assertEquals(0, empty.get("output").size());

            client.appendAudio(tone(200, -20, 440), 20);
            client.send(event("input_audio_buffer.clear"));
            client.expect("input_audio_buffer.cleared");
            client.send(event("input_audio_buffer.commit"));
            assertEquals("input_audio_buffer_commit_empty", client.expect("error").at("/error/code").textValue());
        }
    }

    @Test
    void oneResponseAtATimeAndCancelOnlyWhatIsActive() throws Exception {
        try (RealtimeTestClient client = connect(slowServer)) {
            client.send("""
                    {"type":"session.update","session":{"type":"realtime","audio":{"input":{"turn_detection":null}}}}""");
            client.expect("session.updated");
            client.appendAudio(tone(2000, -20, 440), 20);
            client.send(event("input_audio_buffer.commit"));
            String userItem = client.expect("input_audio_buffer.committed").get("item_id").textValue();
            client.expect("conversation.item.added");
            client.expect("conversation.item.done");

            client.send(event("response.create"));
            String responseId = client.expect("response.created").at("/response/id").textValue();
            client.expect("response.output_item.added");
            assertEquals(userItem, client.expect("conversation.item.added").get("previous_item_id").textValue());
            client.expect("response.content_part.added");

            client.send(event("response.create").put("event_id", "evt_second"));
            JsonNode busy = client.expectSkippingDeltas("error").get("error");
            assertEquals("conversation_already_has_active_response", busy.get("code").textValue());
            assertEquals("evt_second", busy.get("event_id").textValue());

            client.send(event("response.cancel").put("response_id", responseId));
            List<JsonNode> closing = client.until("response.done");
            JsonNode cancelled = closing.getLast().get("response");
            assertEquals("cancelled", cancelled.get("status").textValue());
            assertEquals("client_cancelled", cancelled.at("/status_details/reason").textValue());

            client.send(event("response.cancel"));
            assertEquals("response_cancel_not_active", client.expect("error").at("/error/code").textValue());
        }
    }

    @Test
    void conversationItemsCanBeCreatedRetrievedAndDeleted() throws Exception {
        try (RealtimeTestClient client = connect(server)) {
            client.send("""
                    {"type":"conversation.item.create","item":{"type":"message","role":"user",
                     "content":[{"type":"input_text","text":"hello"}]}}""");
            JsonNode added = client.expect("conversation.item.added");
            String itemId = added.at("/item/id").textValue();
            assertTrue(itemId.startsWith("item_"));
            assertEquals("realtime.item", added.at("/item/object").textValue());
            assertEquals("hello", client.expect("conversation.item.done").at("/item/content/0/text").textValue());

            client.send(event("conversation.item.retrieve").put("item_id", itemId));
            assertEquals(itemId, client.expect("conversation.item.retrieved").at("/item/id").textValue());
            client.send(event("conversation.item.delete").put("item_id", itemId));
            assertEquals(itemId, client.expect("conversation.item.deleted").get("item_id").textValue());
            client.send(event("conversation.item.retrieve").put("item_id", itemId));
            assertEquals("item_id", client.expect("error").at("/error/param").textValue());
        }
    }

    @Test
    void badInputGetsAnErrorAndTheSessionCarriesOn() throws Exception {
        try (RealtimeTestClient client = connect(server)) {
            client.send("{not json");
            JsonNode notJson = client.expect("error").get("error");
            assertEquals("invalid_event", notJson.get("code").textValue());
            assertTrue(notJson.get("event_id").isNull());

            client.send("{\"type\":\"ping\",\"event_id\":\"evt_1\"}");
            JsonNode unknown = client.expect("error").get("error");
            assertEquals("unknown_event", unknown.get("code").textValue());
            assertEquals("evt_1", unknown.get("event_id").textValue());

            client.send("{\"event_id\":\"evt_2\"}");
            assertEquals("invalid_event", client.expect("error").at("/error/code").textValue());

            client.send(event("input_audio_buffer.append").put("audio", "%%% not base64"));
            JsonNode badAudio = client.expect("error").get("error");
            assertEquals("invalid_value", badAudio.get("code").textValue());
            assertEquals("audio", badAudio.get("param").textValue());

            client.sendBinary(new byte[] {1, 2, 3});
            assertEquals("invalid_event", client.expect("error").at("/error/code").textValue());

            client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
            client.expect("session.updated");
        }
    }
}
