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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * xAI's {@code session.update} (realtime-protocols §5): voice and turn detection flat on the session, formats
 * nested, no {@code session.type}, server VAD only, and none of the OpenAI-only fields.
 */
class XaiSessionUpdateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolDefinition LOOKUP_ORDER = new ToolDefinition("lookup_order", "Look up an order",
            Map.of("type", "object", "properties", Map.of("order_id", Map.of("type", "string"))));

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static JsonNode session(RealtimeOptions options, List<ToolDefinition> tools, boolean withVoice)
            throws Exception {
        SessionConfig config = new SessionConfig("grok-voice-latest", "You are a helpful phone agent.", "eve",
                AudioFormat.PCMU, AudioFormat.PCMU, tools, options);
        JsonNode event = parse(SessionUpdates.sessionUpdate(config, Dialect.XAI, withVoice));
        assertEquals("session.update", event.get("type").textValue());
        return event.get("session");
    }

    @Test
    void everyOptionXaiTakesMatchesTheReferenceExample() throws Exception {
        RealtimeOptions options = new RealtimeOptions(new TurnDetection("server_vad", 0.5, 300, 500, 8000, null),
                new Transcription("ignored-model", "en", "ignored prompt"), null, null, null, 1.0, null);
        assertEquals(parse("""
                {"instructions":"You are a helpful phone agent.",
                 "voice":"eve",
                 "turn_detection":{"type":"server_vad","threshold":0.5,"prefix_padding_ms":300,
                                   "silence_duration_ms":500,"idle_timeout_ms":8000},
                 "audio":{"input":{"format":{"type":"audio/pcmu"},"transcription":{"language_hint":"en"}},
                          "output":{"format":{"type":"audio/pcmu"},"speed":1.0}},
                 "tools":[{"type":"function","name":"lookup_order","description":"Look up an order",
                           "parameters":{"type":"object","properties":{"order_id":{"type":"string"}}}}]}"""),
                session(options, List.of(LOOKUP_ORDER), true));
    }

    @Test
    void defaultOptionsGiveTheFlatMinimum() throws Exception {
        assertEquals(parse("""
                {"instructions":"You are a helpful phone agent.","voice":"eve",
                 "turn_detection":{"type":"server_vad"},
                 "audio":{"input":{"format":{"type":"audio/pcmu"}},"output":{"format":{"type":"audio/pcmu"}}}}"""),
                session(RealtimeOptions.DEFAULTS, List.of(), true));
    }

    @Test
    void semanticVadFallsBackToServerVad() throws Exception {
        RealtimeOptions semantic = new RealtimeOptions(new TurnDetection("semantic_vad", null, null, 800, null,
                "high"), null, null, null, null, null, null);
        assertEquals(parse("{\"type\":\"server_vad\",\"silence_duration_ms\":800}"),
                session(semantic, List.of(), true).get("turn_detection"));
    }

    @Test
    void openAiOnlyFieldsAreNotSent() throws Exception {
        RealtimeOptions options = new RealtimeOptions(null, new Transcription("whisper-1", null, null),
                "near_field", "required", 256, null, 0.7);
        JsonNode session = session(options, List.of(LOOKUP_ORDER), true);
        for (String field : List.of("type", "output_modalities", "tool_choice", "max_output_tokens", "temperature")) {
            assertFalse(session.has(field), field);
        }
        assertEquals(parse("{\"format\":{\"type\":\"audio/pcmu\"}}"), session.at("/audio/input"),
                "no noise reduction, and no transcription without a language");
        assertFalse(session.at("/audio/output").has("voice"), "the voice is flat for xAI");
    }

    @Test
    void withoutVoiceTheVoiceIsLeftOut() throws Exception {
        assertFalse(session(RealtimeOptions.DEFAULTS, List.of(), false).has("voice"));
    }

    @Test
    void pcmKeepsItsRate() throws Exception {
        SessionConfig config = new SessionConfig("grok-voice-latest", "", null, AudioFormat.PCM16_16K,
                AudioFormat.PCMA, List.of());
        JsonNode session = parse(SessionUpdates.sessionUpdate(config, Dialect.XAI, true)).get("session");
        assertEquals(parse("{\"type\":\"audio/pcm\",\"rate\":16000}"), session.at("/audio/input/format"));
        assertEquals(parse("{\"type\":\"audio/pcma\"}"), session.at("/audio/output/format"));
    }
}
