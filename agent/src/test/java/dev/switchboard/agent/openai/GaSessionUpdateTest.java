package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.RealtimeOptions;
import dev.switchboard.agent.api.RealtimeOptions.Transcription;
import dev.switchboard.agent.api.RealtimeOptions.TurnDetection;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code session.update} in the GA shape of realtime-protocols §2.2–§2.4 (OpenAI, Azure, the local engine), for
 * the defaults and every option, parsed back and compared whole so a missing, extra or misnamed field fails.
 */
class GaSessionUpdateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolDefinition LOOKUP_ORDER = new ToolDefinition("lookup_order", "Look up an order",
            Map.of("type", "object",
                    "properties", Map.of("order_id", Map.of("type", "string")),
                    "required", List.of("order_id")));
    private static final RealtimeOptions NONE_SET = RealtimeOptions.DEFAULTS;

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static JsonNode session(SessionConfig config) throws Exception {
        JsonNode event = parse(SessionUpdates.sessionUpdate(config, Dialect.OPENAI, true));
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

    private static SessionConfig withOptions(RealtimeOptions options, List<ToolDefinition> tools) {
        return new SessionConfig("gpt-realtime", "Be brief.", "marin", AudioFormat.PCMU, AudioFormat.PCMU, tools,
                options);
    }

    private static RealtimeOptions turnDetection(TurnDetection detection) {
        return new RealtimeOptions(detection, null, null, null, null, null, null);
    }

    @Test
    void defaultOptionsGiveExactlyTheJsonSentBeforeOptionsExisted() {
        SessionConfig config = new SessionConfig("gpt-realtime", "Be brief.", "marin", AudioFormat.PCMU,
                AudioFormat.PCM16_24K, List.of());
        assertEquals("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"Be brief.\","
                + "\"output_modalities\":[\"audio\"],\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcmu\"},"
                + "\"turn_detection\":{\"type\":\"server_vad\",\"create_response\":true,\"interrupt_response\":true}},"
                + "\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"voice\":\"marin\"}}}}",
                SessionUpdates.sessionUpdate(config, Dialect.OPENAI, true));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"OPENAI", "AZURE", "LOCAL"})
    void everyGaDialectSendsTheSameSessionUpdate(Dialect dialect) throws Exception {
        SessionConfig config = withOptions(new RealtimeOptions(TurnDetection.SERVER_VAD,
                new Transcription("gpt-4o-mini-transcribe", "en", null), "near_field", "required", 512, 1.1, null),
                List.of(LOOKUP_ORDER));
        assertEquals(parse(SessionUpdates.sessionUpdate(config, Dialect.OPENAI, true)),
                parse(SessionUpdates.sessionUpdate(config, dialect, true)));
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
        JsonNode format = SessionUpdates.format(AudioFormat.PCM16_16K);
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
    void serverVadCarriesEveryConfiguredParameter() throws Exception {
        JsonNode session = session(withOptions(turnDetection(
                new TurnDetection("server_vad", 0.6, 250, 700, 8000, null)), List.of()));
        assertEquals(parse("""
                {"type":"server_vad","threshold":0.6,"prefix_padding_ms":250,"silence_duration_ms":700,
                 "idle_timeout_ms":8000,"create_response":true,"interrupt_response":true}"""),
                session.at("/audio/input/turn_detection"));
    }

    @Test
    void serverVadSendsOnlyTheParametersThatAreSet() throws Exception {
        JsonNode session = session(withOptions(turnDetection(
                new TurnDetection("server_vad", null, null, 900, null, "high")), List.of()));
        assertEquals(parse("""
                {"type":"server_vad","silence_duration_ms":900,"create_response":true,"interrupt_response":true}"""),
                session.at("/audio/input/turn_detection"), "eagerness belongs to semantic VAD only");
    }

    @Test
    void semanticVadCarriesItsEagerness() throws Exception {
        JsonNode session = session(withOptions(turnDetection(
                new TurnDetection("semantic_vad", 0.9, 300, 500, 8000, "low")), List.of()));
        assertEquals(parse("""
                {"type":"semantic_vad","eagerness":"low","create_response":true,"interrupt_response":true}"""),
                session.at("/audio/input/turn_detection"), "server VAD's timings do not apply to semantic VAD");
    }

    @Test
    void semanticVadWithoutEagernessLeavesItToTheServer() throws Exception {
        JsonNode session = session(withOptions(turnDetection(
                new TurnDetection("semantic_vad", null, null, null, null, null)), List.of()));
        assertEquals(parse("""
                {"type":"semantic_vad","create_response":true,"interrupt_response":true}"""),
                session.at("/audio/input/turn_detection"));
    }

    @Test
    void transcriptionSendsModelLanguageAndPrompt() throws Exception {
        JsonNode session = session(withOptions(new RealtimeOptions(null,
                new Transcription("gpt-4o-transcribe", "de", "Order numbers, product names"), null, null, null, null,
                null), List.of()));
        assertEquals(parse("""
                {"model":"gpt-4o-transcribe","language":"de","prompt":"Order numbers, product names"}"""),
                session.at("/audio/input/transcription"));
        assertEquals(Set.of("format", "transcription", "turn_detection"), fieldNames(session.at("/audio/input")));
    }

    @Test
    void transcriptionLeavesOutWhatIsNotSet() throws Exception {
        JsonNode session = session(withOptions(new RealtimeOptions(null,
                new Transcription("whisper-1", null, " "), null, null, null, null, null), List.of()));
        assertEquals(parse("{\"model\":\"whisper-1\"}"), session.at("/audio/input/transcription"));
    }

    @Test
    void noiseReductionNamesItsType() throws Exception {
        JsonNode session = session(withOptions(new RealtimeOptions(null, null, "far_field", null, null, null, null),
                List.of()));
        assertEquals(parse("{\"type\":\"far_field\"}"), session.at("/audio/input/noise_reduction"));
    }

    @Test
    void speedAndMaxOutputTokensAreSentWhenSet() throws Exception {
        JsonNode session = session(withOptions(new RealtimeOptions(null, null, null, null, 300, 1.25, null),
                List.of()));
        assertEquals(parse("{\"format\":{\"type\":\"audio/pcmu\"},\"voice\":\"marin\",\"speed\":1.25}"),
                session.at("/audio/output"));
        assertEquals(300, session.get("max_output_tokens").intValue());
        assertEquals(Set.of("type", "instructions", "output_modalities", "audio", "max_output_tokens"),
                fieldNames(session));
    }

    @Test
    void unsetOptionsSendNothing() throws Exception {
        JsonNode session = session(withOptions(NONE_SET, List.of()));
        assertEquals(Set.of("type", "instructions", "output_modalities", "audio"), fieldNames(session));
        assertEquals(Set.of("format", "turn_detection"), fieldNames(session.at("/audio/input")));
        assertEquals(Set.of("format", "voice"), fieldNames(session.at("/audio/output")));
    }

    @Test
    void toolChoiceModesAreSentAsStrings() throws Exception {
        for (String mode : List.of("auto", "none", "required")) {
            JsonNode session = session(withOptions(
                    new RealtimeOptions(null, null, null, mode, null, null, null), List.of(LOOKUP_ORDER)));
            assertEquals(JSON.getNodeFactory().textNode(mode), session.get("tool_choice"), mode);
        }
    }

    @Test
    void anyOtherToolChoiceForcesThatFunction() throws Exception {
        JsonNode session = session(withOptions(
                new RealtimeOptions(null, null, null, "lookup_order", null, null, null), List.of(LOOKUP_ORDER)));
        assertEquals(parse("{\"type\":\"function\",\"name\":\"lookup_order\"}"), session.get("tool_choice"));
    }

    @Test
    void aBlankToolChoiceMeansAuto() throws Exception {
        JsonNode session = session(withOptions(
                new RealtimeOptions(null, null, null, "  ", null, null, null), List.of(LOOKUP_ORDER)));
        assertEquals("auto", session.get("tool_choice").textValue());
    }

    @Test
    void aToolChoiceWithoutToolsIsNotSent() throws Exception {
        JsonNode session = session(withOptions(
                new RealtimeOptions(null, null, null, "required", null, null, null), List.of()));
        assertFalse(session.has("tool_choice"));
    }

    @Test
    void withoutVoiceTheVoiceIsLeftOutButSpeedStays() throws Exception {
        SessionConfig config = withOptions(new RealtimeOptions(null, null, null, null, null, 0.9, null), List.of());
        JsonNode session = parse(SessionUpdates.sessionUpdate(config, Dialect.OPENAI, false)).get("session");
        assertEquals(parse("{\"format\":{\"type\":\"audio/pcmu\"},\"speed\":0.9}"), session.at("/audio/output"));
    }

    @Test
    void everyOptionAtOnceMatchesTheReferenceTelephonyExample() throws Exception {
        RealtimeOptions options = new RealtimeOptions(new TurnDetection("server_vad", 0.5, 300, 500, 8000, null),
                new Transcription("gpt-4o-mini-transcribe", "en", null), "near_field", null, null, null, null);
        SessionConfig config = new SessionConfig("gpt-realtime", "You are the phone assistant for Acme. Be brief.",
                "marin", AudioFormat.PCMU, AudioFormat.PCMU, List.of(LOOKUP_ORDER), options);
        assertEquals(parse("""
                {"type":"session.update","session":{
                  "type":"realtime",
                  "instructions":"You are the phone assistant for Acme. Be brief.",
                  "output_modalities":["audio"],
                  "audio":{
                    "input":{"format":{"type":"audio/pcmu"},
                             "transcription":{"model":"gpt-4o-mini-transcribe","language":"en"},
                             "noise_reduction":{"type":"near_field"},
                             "turn_detection":{"type":"server_vad","threshold":0.5,"prefix_padding_ms":300,
                                               "silence_duration_ms":500,"create_response":true,
                                               "interrupt_response":true,"idle_timeout_ms":8000}},
                    "output":{"format":{"type":"audio/pcmu"},"voice":"marin"}},
                  "tools":[{"type":"function","name":"lookup_order","description":"Look up an order",
                            "parameters":{"type":"object","properties":{"order_id":{"type":"string"}},
                                          "required":["order_id"]}}],
                  "tool_choice":"auto"}}"""), parse(SessionUpdates.sessionUpdate(config, Dialect.OPENAI, true)));
    }
}
