package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.HistoryEntry;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parses the JSON of each client event back and checks the GA shape of realtime-protocols §2.4–§2.10 field by
 * field, so a missing, extra or misnamed field fails. {@code session.update} has its own tests.
 */
class OpenAiClientEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    /** The field names of an object, in no order: checks that nothing is missing and nothing extra is sent. */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void appendAudioBase64RoundTripsEveryByteValue() throws Exception {
        byte[] audio = new byte[960];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 37 + 11);
        }
        JsonNode event = parse(OpenAiClientEvents.appendAudio(audio));
        assertEquals(Set.of("type", "audio"), fieldNames(event));
        assertEquals("input_audio_buffer.append", event.get("type").textValue());
        assertArrayEquals(audio, Base64.getDecoder().decode(event.get("audio").textValue()));
    }

    @Test
    void appendAudioOfNothingIsAnEmptyString() throws Exception {
        JsonNode event = parse(OpenAiClientEvents.appendAudio(new byte[0]));
        assertEquals("", event.get("audio").textValue());
    }

    @Test
    void bareEventsCarryOnlyTheirType() throws Exception {
        assertEquals(parse("{\"type\":\"input_audio_buffer.commit\"}"), parse(OpenAiClientEvents.commit()));
        assertEquals(parse("{\"type\":\"response.create\"}"), parse(OpenAiClientEvents.createResponse(null)));
        assertEquals(parse("{\"type\":\"response.create\",\"response\":{\"instructions\":\"Say \\\"hi\\\".\"}}"),
                parse(OpenAiClientEvents.createResponse("Say \"hi\".")));
        assertEquals(parse("{\"type\":\"response.cancel\"}"), parse(OpenAiClientEvents.cancelResponse()));
    }

    @Test
    void truncateNamesTheItemTheContentPartAndTheHeardAudio() throws Exception {
        JsonNode event = parse(OpenAiClientEvents.truncate("item_002", 0, 1500));
        assertEquals(parse("""
                {"type":"conversation.item.truncate","item_id":"item_002","content_index":0,"audio_end_ms":1500}"""),
                event);
        assertTrue(event.get("audio_end_ms").isIntegralNumber());
    }

    @Test
    void truncateKeepsLongDurations() throws Exception {
        JsonNode event = parse(OpenAiClientEvents.truncate("item_9", 1, 3_600_000_123L));
        assertEquals(3_600_000_123L, event.get("audio_end_ms").longValue());
        assertEquals(1, event.get("content_index").intValue());
    }

    @Test
    void userTextIsAUserMessageWithInputText() throws Exception {
        JsonNode event = parse(OpenAiClientEvents.userText("The caller pressed 4 2."));
        assertEquals(parse("""
                {"type":"conversation.item.create","item":{"type":"message","role":"user",
                 "content":[{"type":"input_text","text":"The caller pressed 4 2."}]}}"""), event);
    }

    @Test
    void userTextWithQuotesNewlinesAndUnicodeIsEscaped() throws Exception {
        String text = "He said \"stop\"\nthen {\"json\": true} — naïve ☎";
        String json = OpenAiClientEvents.userText(text);
        assertFalse(json.contains("\n"), "a raw newline would split the JSON text");
        assertEquals(text, parse(json).at("/item/content/0/text").textValue());
    }

    @Test
    void toolResultIsAFunctionCallOutputItem() throws Exception {
        String output = "{\"status\":\"shipped\",\"eta\":\"Tuesday\"}";
        JsonNode event = parse(OpenAiClientEvents.toolResult("call_001", output));
        assertEquals(parse("""
                {"type":"conversation.item.create","item":{"type":"function_call_output","call_id":"call_001",
                 "output":"{\\"status\\":\\"shipped\\",\\"eta\\":\\"Tuesday\\"}"}}"""), event);
        assertEquals(output, event.at("/item/output").textValue());
    }

    @Test
    void historyTextBecomesMessagesWithTheGaContentTypes() throws Exception {
        assertEquals(parse("""
                {"type":"conversation.item.create","item":{"type":"message","role":"user",
                 "content":[{"type":"input_text","text":"Where is order 123?"}]}}"""),
                parse(OpenAiClientEvents.historyItem(new HistoryEntry.UserSaid("Where is order 123?"))));
        assertEquals(parse("""
                {"type":"conversation.item.create","item":{"type":"message","role":"assistant",
                 "content":[{"type":"output_text","text":"Let me look."}]}}"""),
                parse(OpenAiClientEvents.historyItem(new HistoryEntry.AgentSaid("Let me look."))));
    }

    @Test
    void historyToolStepsBecomeTheCallAndItsOutput() throws Exception {
        String arguments = "{\"order_id\":\"123\"}";
        JsonNode call = parse(OpenAiClientEvents.historyItem(
                new HistoryEntry.ToolCalled("call_1", "lookup_order", arguments)));
        assertEquals(parse("""
                {"type":"conversation.item.create","item":{"type":"function_call","call_id":"call_1",
                 "name":"lookup_order","arguments":"{\\"order_id\\":\\"123\\"}"}}"""), call);
        assertEquals(arguments, call.at("/item/arguments").textValue());

        assertEquals(parse(OpenAiClientEvents.toolResult("call_1", "shipped")),
                parse(OpenAiClientEvents.historyItem(new HistoryEntry.ToolAnswered("call_1", "shipped"))));
    }

    @Test
    void historyToolStepsWithoutArgumentsOrOutputStillSendStrings() throws Exception {
        JsonNode call = parse(OpenAiClientEvents.historyItem(new HistoryEntry.ToolCalled("c", "hang_up", null)));
        assertEquals("{}", call.at("/item/arguments").textValue());
        JsonNode answer = parse(OpenAiClientEvents.historyItem(new HistoryEntry.ToolAnswered("c", null)));
        assertEquals("", answer.at("/item/output").textValue());
    }
}
