package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parses the JSON of each client event back and checks the GA shape of realtime-protocols §2.2–§2.7 field by field,
 * so a missing, extra or misnamed field fails.
 */
class OpenAiClientEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolDefinition LOOKUP_ORDER = new ToolDefinition("lookup_order", "Look up an order",
            Map.of("type", "object",
                    "properties", Map.of("order_id", Map.of("type", "string")),
                    "required", List.of("order_id")));

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static JsonNode session(SessionConfig config) throws Exception {
        JsonNode event = parse(OpenAiClientEvents.sessionUpdate(config));
        assertEquals(Set.of("type", "session"), fieldNames(event));
        assertEquals("session.update", event.get("type").textValue());
        return event.get("session");
    }

    /** The field names of an object, in no order: checks that nothing is missing and nothing extra is sent. */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static SessionConfig config(String voice, AudioFormat in, AudioFormat out, List<ToolDefinition> tools) {
        return new SessionConfig("gpt-realtime", "You are the phone assistant for Acme. Be brief.", voice, in, out,
                tools);
    }

    @Test
    void sessionUpdateHasTheGaShapeForPcm() throws Exception {
        JsonNode session = session(config(null, AudioFormat.PCM16_24K, AudioFormat.PCM16_24K, List.of()));

        assertEquals(Set.of("type", "instructions", "output_modalities", "audio"), fieldNames(session));
        assertEquals("realtime", session.get("type").textValue());
        assertEquals("You are the phone assistant for Acme. Be brief.", session.get("instructions").textValue());
        assertEquals(parse("[\"audio\"]"), session.get("output_modalities"));
        assertEquals(parse("""
                {"input":{"format":{"type":"audio/pcm","rate":24000},
                          "turn_detection":{"type":"server_vad","create_response":true,"interrupt_response":true}},
                 "output":{"format":{"type":"audio/pcm","rate":24000}}}"""), session.get("audio"));
    }

    @Test
    void sessionUpdateDeclaresG711FormatsWithoutARate() throws Exception {
        JsonNode session = session(config(null, AudioFormat.PCMU, AudioFormat.PCMA, List.of()));
        assertEquals(parse("{\"type\":\"audio/pcmu\"}"), session.at("/audio/input/format"));
        assertEquals(parse("{\"type\":\"audio/pcma\"}"), session.at("/audio/output/format"));
    }

    @Test
    void sessionUpdateDeclaresPcmAtTheConfiguredRate() throws Exception {
        JsonNode format = OpenAiClientEvents.format(AudioFormat.PCM16_16K);
        assertEquals(parse("{\"type\":\"audio/pcm\",\"rate\":16000}"), format);
    }

    @Test
    void voiceIsSentOnlyWhenConfigured() throws Exception {
        JsonNode withVoice = session(config("marin", AudioFormat.PCMU, AudioFormat.PCMU, List.of()));
        assertEquals(parse("{\"format\":{\"type\":\"audio/pcmu\"},\"voice\":\"marin\"}"),
                withVoice.at("/audio/output"));

        JsonNode blankVoice = session(config("  ", AudioFormat.PCMU, AudioFormat.PCMU, List.of()));
        assertFalse(blankVoice.at("/audio/output").has("voice"));
        JsonNode noVoice = session(config(null, AudioFormat.PCMU, AudioFormat.PCMU, List.of()));
        assertFalse(noVoice.at("/audio/output").has("voice"));
    }

    @Test
    void toolsAreFunctionsWithTheirSchemaAndToolChoiceIsAuto() throws Exception {
        ToolDefinition hangUp = new ToolDefinition("hang_up", null, null);
        JsonNode session = session(config("cedar", AudioFormat.PCMU, AudioFormat.PCMU, List.of(LOOKUP_ORDER, hangUp)));

        assertEquals(parse("""
                [{"type":"function","name":"lookup_order","description":"Look up an order",
                  "parameters":{"type":"object","properties":{"order_id":{"type":"string"}},
                                "required":["order_id"]}},
                 {"type":"function","name":"hang_up","description":"",
                  "parameters":{"type":"object","properties":{}}}]"""), session.get("tools"));
        assertEquals("auto", session.get("tool_choice").textValue());
    }

    @Test
    void withoutToolsNeitherToolsNorToolChoiceIsSent() throws Exception {
        JsonNode session = session(config(null, AudioFormat.PCMU, AudioFormat.PCMU, null));
        assertFalse(session.has("tools"));
        assertFalse(session.has("tool_choice"));
    }

    @Test
    void emptyInstructionsAreSentAsAnEmptyString() throws Exception {
        JsonNode session = session(new SessionConfig("gpt-realtime", null, null, AudioFormat.PCMU,
                AudioFormat.PCMU, List.of()));
        assertEquals("", session.get("instructions").textValue());
    }

    @Test
    void instructionsWithQuotesNewlinesAndUnicodeSurviveTheRoundTrip() throws Exception {
        String instructions = "Say \"hello\" \\ then wait.\nLine two\ttabbed\r\n"
                + "Grüße, 你好, emoji 📞, control \u0001, separator \u2028 end";
        JsonNode session = session(new SessionConfig("gpt-realtime", instructions, null, AudioFormat.PCMU,
                AudioFormat.PCMU, List.of()));
        assertEquals(instructions, session.get("instructions").textValue());
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
}
