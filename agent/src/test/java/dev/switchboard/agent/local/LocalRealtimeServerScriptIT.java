package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.switchboard.agent.local.RealtimeTestClient.JSON;
import static dev.switchboard.agent.local.RealtimeTestClient.event;
import static dev.switchboard.agent.local.TestSignals.concat;
import static dev.switchboard.agent.local.TestSignals.modulatedTone;
import static dev.switchboard.agent.local.TestSignals.silence;
import static dev.switchboard.agent.local.TestSignals.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scripted agent over loopback: the order line of the demo, spoken by the offline voice, with its tool call. */
class LocalRealtimeServerScriptIT {

    private static final String DELTA = "response.output_audio.delta";
    private static final List<String> FUNCTION_CALL_EVENTS = List.of("response.output_item.added",
            "conversation.item.added", "response.function_call_arguments.delta",
            "response.function_call_arguments.delta", "response.function_call_arguments.done",
            "response.output_item.done", "conversation.item.done");
    private static final List<String> MESSAGE_CLOSING_EVENTS = List.of("response.output_audio.done",
            "response.output_audio_transcript.done", "response.content_part.done", "response.output_item.done",
            "conversation.item.done");

    private static HttpClient http;
    private static LocalRealtimeServer server;
    /** Paces deltas at 100 ms, in real time, so a long answer is still streaming when the caller talks over it. */
    private static LocalRealtimeServer slowServer;

    @BeforeAll
    static void startServers() {
        http = HttpClient.newHttpClient();
        Map<String, LocalAgent> agents = Map.of("orders", TestAgents.ORDER_LINE);
        server = LocalRealtimeServer.start("127.0.0.1", 0, agents);
        slowServer = LocalRealtimeServer.start("127.0.0.1", 0, agents,
                LocalEngineSettings.DEFAULTS.withDeltaInterval(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stopServers() {
        server.close();
        slowServer.close();
        http.close();
    }

    /** Connects with {@code ?model=} and consumes the greeting events. */
    private static RealtimeTestClient connect(LocalRealtimeServer target, String model) throws Exception {
        RealtimeTestClient client = RealtimeTestClient.connect(http,
                URI.create(target.baseUri() + "/realtime?model=" + model));
        assertEquals(model, client.expect("session.created").at("/session/model").textValue());
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

    private static void typeText(RealtimeTestClient client, String text) throws Exception {
        ObjectNode create = event("conversation.item.create");
        ObjectNode item = create.putObject("item").put("type", "message").put("role", "user");
        item.putArray("content").addObject().put("type", "input_text").put("text", text);
        client.send(create);
        assertEquals(text, client.expect("conversation.item.added").at("/item/content/0/text").textValue());
        client.expect("conversation.item.done");
    }

    private static void sendToolOutput(RealtimeTestClient client, String callId, String output) throws Exception {
        ObjectNode create = event("conversation.item.create");
        create.putObject("item").put("type", "function_call_output").put("call_id", callId).put("output", output);
        client.send(create);
        assertEquals(callId, client.expect("conversation.item.added").at("/item/call_id").textValue());
        client.expect("conversation.item.done");
    }

    private static List<JsonNode> respond(RealtimeTestClient client, String instructions) throws Exception {
        ObjectNode create = event("response.create");
        if (instructions != null) {
            create.putObject("response").put("instructions", instructions);
        }
        client.send(create);
        return client.until("response.done");
    }

    /**
     * Checks a response of one spoken message (reference §2.5) that says {@code text}, completed.
     *
     * @return the audio
     */
    private static byte[] assertSpoken(List<JsonNode> events, String text) {
        List<String> types = types(events);
        assertEquals(List.of("response.created", "response.output_item.added", "conversation.item.added",
                "response.content_part.added", "response.output_audio_transcript.delta"), types.subList(0, 5));
        List<String> closing = types.subList(types.size() - 6, types.size() - 1);
        assertEquals(MESSAGE_CLOSING_EVENTS, closing);
        assertTrue(types.subList(5, types.size() - 6).stream().allMatch(DELTA::equals), types::toString);

        assertEquals(text, events.get(4).get("delta").textValue());
        assertEquals(text, events.get(types.size() - 5).get("transcript").textValue());
        assertEquals(text, events.get(types.size() - 4).at("/part/transcript").textValue());
        JsonNode item = events.get(types.size() - 3).get("item");
        assertEquals("completed", item.get("status").textValue());
        assertEquals(text, item.at("/content/0/transcript").textValue());
        JsonNode done = events.getLast().get("response");
        assertEquals("completed", done.get("status").textValue());
        assertEquals(item, done.at("/output/0"));

        byte[] audio = deltaAudio(events);
        assertTrue(audio.length >= 500 * Pcm24k.BYTES_PER_MS, "at least half a second of speech: " + audio.length);
        long deltas = types.stream().filter(DELTA::equals).count();
        assertEquals((audio.length + ResponseStreamer.DELTA_BYTES - 1) / ResponseStreamer.DELTA_BYTES, deltas);
        return audio;
    }

    /** Checks a response that only calls a function, and returns the call item. */
    private static JsonNode assertOnlyCalls(List<JsonNode> events, String name) {
        assertEquals("response.created", events.getFirst().path("type").asText());
        assertEquals(FUNCTION_CALL_EVENTS, types(events).subList(1, events.size() - 1));
        JsonNode done = events.getLast().get("response");
        assertEquals("completed", done.get("status").textValue());
        JsonNode call = done.at("/output/0");
        assertEquals(1, done.get("output").size());
        assertEquals(name, call.get("name").textValue());
        return call;
    }

    @Test
    void theWholeOrderLineExchange() throws Exception {
        try (RealtimeTestClient client = connect(server, "orders")) {
            assertSpoken(respond(client, TestAgents.sayExactly(TestAgents.GREETING)), TestAgents.GREETING);

            typeText(client, "12345#");
            List<JsonNode> callResponse = respond(client, null);
            JsonNode call = assertOnlyCalls(callResponse, "order_lookup");
            assertFunctionCallEvents(callResponse, call);
            assertEquals(JSON.readTree("{\"order_id\":\"12345\"}"), JSON.readTree(call.get("arguments").textValue()));

            sendToolOutput(client, call.get("call_id").textValue(), "{\"order_id\":\"12345\",\"status\":\"shipped\"}");
            assertSpoken(respond(client, null), "Order 12345 is shipped.");
        }
    }

    /** The events of a function call carry the same ids, name and arguments, as reference §2.6 shows them. */
    private static void assertFunctionCallEvents(List<JsonNode> events, JsonNode call) {
        String responseId = events.getFirst().at("/response/id").textValue();
        String callId = call.get("call_id").textValue();
        assertTrue(callId.startsWith("call_"), callId);
        assertEquals("completed", call.get("status").textValue());
        assertEquals("realtime.item", call.get("object").textValue());

        JsonNode added = events.get(1);
        assertEquals(responseId, added.get("response_id").textValue());
        assertEquals(0, added.get("output_index").intValue());
        JsonNode started = added.get("item");
        assertEquals("function_call", started.get("type").textValue());
        assertEquals("in_progress", started.get("status").textValue());
        assertEquals(callId, started.get("call_id").textValue());
        assertEquals("order_lookup", started.get("name").textValue());
        assertEquals("", started.get("arguments").textValue());
        assertEquals(call.get("id"), started.get("id"));

        String streamed = events.get(3).get("delta").textValue() + events.get(4).get("delta").textValue();
        assertEquals(call.get("arguments").textValue(), streamed);
        assertEquals(callId, events.get(3).get("call_id").textValue());
        JsonNode argumentsDone = events.get(5);
        assertEquals(responseId, argumentsDone.get("response_id").textValue());
        assertEquals(call.get("id"), argumentsDone.get("item_id"));
        assertEquals(0, argumentsDone.get("output_index").intValue());
        assertEquals(callId, argumentsDone.get("call_id").textValue());
        assertEquals("order_lookup", argumentsDone.get("name").textValue());
        assertEquals(call.get("arguments"), argumentsDone.get("arguments"));
        assertEquals(call, events.get(6).get("item"));
    }

    @Test
    void anErrorOutputIsAnsweredWithSayError() throws Exception {
        try (RealtimeTestClient client = connect(server, "orders")) {
            typeText(client, "777#");
            JsonNode call = assertOnlyCalls(respond(client, null), "order_lookup");
            sendToolOutput(client, call.get("call_id").textValue(), "{\"error\":\"no entry\"}");

            assertSpoken(respond(client, null), "Sorry, I found no order 777.");
        }
    }

    @Test
    void textNoRuleMatchesGetsTheDefaultAnswer() throws Exception {
        try (RealtimeTestClient client = connect(server, "orders")) {
            typeText(client, "hello#");
            assertSpoken(respond(client, null), ScriptBehaviour.DID_NOT_UNDERSTAND);
        }
    }

    @Test
    void beforeIsSpokenAndTheCallFollowsInTheSameResponse() throws Exception {
        try (RealtimeTestClient client = connect(server, "orders")) {
            typeText(client, "*42#");
            List<JsonNode> events = respond(client, null);

            List<String> types = types(events);
            int callAdded = types.lastIndexOf("response.output_item.added");
            assertSpoken(withLast(events.subList(0, callAdded), events.getLast()), "Checking code 42.");
            assertEquals(FUNCTION_CALL_EVENTS, types.subList(callAdded, types.size() - 1));
            assertEquals(1, events.get(callAdded).get("output_index").intValue());
            assertEquals(1, events.get(callAdded + 5).get("output_index").intValue());

            JsonNode output = events.getLast().at("/response/output");
            assertEquals(2, output.size());
            assertEquals("message", output.get(0).get("type").textValue());
            assertEquals("function_call", output.get(1).get("type").textValue());
            assertEquals(JSON.readTree("{\"code\":\"42\",\"channel\":\"keypad\"}"),
                    JSON.readTree(output.get(1).get("arguments").textValue()));
        }
    }

    private static List<JsonNode> withLast(List<JsonNode> events, JsonNode last) {
        List<JsonNode> all = new ArrayList<>(events);
        all.add(last);
        return all;
    }

    @Test
    void callerSpeechCancelsALongAnswerAndStartsNoResponse() throws Exception {
        try (RealtimeTestClient client = connect(slowServer, "orders")) {
            typeText(client, "9");
            client.send(event("response.create"));
            client.until(DELTA);

            client.appendAudio(concat(tone(400, -22, 330), silence(700)), 20);
            List<JsonNode> untilCancelled = client.until("response.done");
            List<String> types = types(untilCancelled);
            int speech = types.indexOf("input_audio_buffer.speech_started");
            assertTrue(speech >= 0, "speech_started before the cancellation: " + types);
            assertEquals(MESSAGE_CLOSING_EVENTS, types.subList(speech + 1, types.size() - 1));
            JsonNode cancelled = untilCancelled.getLast().get("response");
            assertEquals("cancelled", cancelled.get("status").textValue());
            assertEquals("turn_detected", cancelled.at("/status_details/reason").textValue());
            assertEquals("incomplete", cancelled.at("/output/0/status").textValue());
            long sentMs = deltaAudio(untilCancelled).length / Pcm24k.BYTES_PER_MS;
            assertTrue(sentMs < 5000, "the answer was cut short after " + sentMs + " ms");

            client.expect("input_audio_buffer.speech_stopped");
            String userItem = client.expect("input_audio_buffer.committed").get("item_id").textValue();
            client.expect("conversation.item.added");
            client.expect("conversation.item.done");
            client.send(event("conversation.item.retrieve").put("item_id", userItem));
            assertEquals(userItem, client.expect("conversation.item.retrieved").at("/item/id").textValue(),
                    "a scripted agent does not answer speech");
        }
    }

    @Test
    void outputsOfUnknownCallsAreKeptButIgnoredAndMalformedOnesRefused() throws Exception {
        try (RealtimeTestClient client = connect(server, "orders")) {
            sendToolOutput(client, "call_not_made_here", "{\"status\":\"shipped\"}");
            List<JsonNode> empty = respond(client, null);
            assertEquals(List.of("response.created", "response.done"), types(empty));
            assertEquals("completed", empty.getLast().at("/response/status").textValue());

            client.send("""
                    {"type":"conversation.item.create","event_id":"evt_7",
                     "item":{"type":"function_call_output","call_id":"call_1"}}""");
            JsonNode error = client.expect("error").get("error");
            assertEquals("missing_required_parameter", error.get("code").textValue());
            assertEquals("item.output", error.get("param").textValue());
            assertEquals("evt_7", error.get("event_id").textValue());

            client.send("""
                    {"type":"response.create","response":{"instructions":42}}""");
            assertEquals("response.instructions", client.expect("error").at("/error/param").textValue());
        }
    }

    @Test
    void echoIsStillTheBehaviourOfOtherModelNames() throws Exception {
        byte[] turn = concat(silence(300), modulatedTone(600, -20, 440, 4, 0.5), silence(700));
        try (RealtimeTestClient client = connect(server, "echo")) {
            client.appendAudio(turn, 20);
            JsonNode started = client.expect("input_audio_buffer.speech_started");
            JsonNode stopped = client.expect("input_audio_buffer.speech_stopped");
            client.until("conversation.item.done");
            List<JsonNode> echo = client.until("response.done");
            long turnMs = stopped.get("audio_end_ms").longValue() - started.get("audio_start_ms").longValue();
            assertEquals(turnMs * Pcm24k.BYTES_PER_MS, deltaAudio(echo).length);
            assertTrue(types(echo).stream().noneMatch("response.output_audio_transcript.delta"::equals));
        }
    }
}
