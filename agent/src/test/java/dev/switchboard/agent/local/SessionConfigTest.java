package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    private final SessionConfig config = SessionConfig.withDefaults("sess_1", "echo");

    @Test
    void defaultsAreOpenAisGaDefaults() throws Exception {
        ObjectNode expected = json("""
                {"type":"realtime","object":"realtime.session","id":"sess_1","model":"echo",
                 "output_modalities":["audio"],"instructions":"",
                 "audio":{"input":{"format":{"type":"audio/pcm","rate":24000},"transcription":null,
                                   "noise_reduction":null,
                                   "turn_detection":{"type":"server_vad","threshold":0.5,"prefix_padding_ms":300,
                                                     "silence_duration_ms":500,"create_response":true,
                                                     "interrupt_response":true,"idle_timeout_ms":null}},
                          "output":{"format":{"type":"audio/pcm","rate":24000},"voice":"alloy","speed":1.0}},
                 "tools":[],"tool_choice":"auto","max_output_tokens":"inf","truncation":"auto",
                 "tracing":null,"prompt":null,"include":null}""");
        assertEquals(expected, config.snapshot());
        assertEquals(new TurnDetection(0.5, 300, 500, true, true), config.turnDetection());
    }

    @Test
    void onlyFieldsPresentChange() throws Exception {
        config.update(json("""
                {"type":"realtime","instructions":"Be brief.",
                 "audio":{"input":{"turn_detection":{"silence_duration_ms":800}},"output":{"voice":"marin"}}}"""));

        ObjectNode session = config.snapshot();
        assertEquals("Be brief.", session.get("instructions").textValue());
        assertEquals("marin", session.at("/audio/output/voice").textValue());
        assertEquals(1.0, session.at("/audio/output/speed").doubleValue());
        assertEquals(new TurnDetection(0.5, 300, 800, true, true), config.turnDetection());
        assertEquals("audio/pcm", session.at("/audio/input/format/type").textValue());
    }

    @Test
    void nullTurnDetectionMeansManualTurnsAndAnObjectRestoresDefaults() throws Exception {
        config.update(json("{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":null}}}"));
        assertNull(config.turnDetection());
        assertTrue(config.snapshot().at("/audio/input/turn_detection").isNull());

        config.update(json("""
                {"type":"realtime","audio":{"input":{"turn_detection":{"type":"server_vad","threshold":0.7}}}}"""));
        assertEquals(new TurnDetection(0.7, 300, 500, true, true), config.turnDetection());
    }

    @Test
    void unsupportedFormatIsRejectedAndNothingChanges() throws Exception {
        ObjectNode before = config.snapshot();
        RequestException e = assertThrows(RequestException.class, () -> config.update(json("""
                {"type":"realtime","instructions":"changed",
                 "audio":{"input":{"format":{"type":"audio/pcmu"}}}}""")));

        assertEquals("invalid_value", e.code());
        assertEquals("session.audio.input.format", e.param());
        assertEquals(before, config.snapshot());
    }

    @Test
    void pcmAtAnotherRateIsRejected() {
        RequestException e = assertThrows(RequestException.class, () -> config.update(json("""
                {"type":"realtime","audio":{"output":{"format":{"type":"audio/pcm","rate":16000}}}}""")));
        assertEquals("session.audio.output.format", e.param());
    }

    @Test
    void sessionTypeIsRequired() {
        RequestException e = assertThrows(RequestException.class,
                () -> config.update(json("{\"instructions\":\"x\"}")));
        assertEquals("missing_required_parameter", e.code());
        assertEquals("session.type", e.param());
    }

    @Test
    void betaShapedFieldsAreUnknownParameters() {
        RequestException e = assertThrows(RequestException.class,
                () -> config.update(json("{\"type\":\"realtime\",\"input_audio_format\":\"pcm16\"}")));
        assertEquals("unknown_parameter", e.code());
        assertEquals("session.input_audio_format", e.param());
    }

    @Test
    void semanticVadIsNotImplemented() {
        RequestException e = assertThrows(RequestException.class, () -> config.update(json("""
                {"type":"realtime","audio":{"input":{"turn_detection":{"type":"semantic_vad"}}}}""")));
        assertEquals("session.audio.input.turn_detection.type", e.param());
    }

    @Test
    void outOfRangeThresholdIsRejected() {
        RequestException e = assertThrows(RequestException.class, () -> config.update(json("""
                {"type":"realtime","audio":{"input":{"turn_detection":{"threshold":1.5}}}}""")));
        assertEquals("invalid_value", e.code());
        assertEquals("session.audio.input.turn_detection.threshold", e.param());
    }

    @Test
    void toolsAndToolChoiceAreStored() throws Exception {
        config.update(json("""
                {"type":"realtime","tools":[{"type":"function","name":"lookup"}],"tool_choice":"required",
                 "id":"ignored","model":"ignored"}"""));
        JsonNode session = config.snapshot();
        assertEquals("lookup", session.at("/tools/0/name").textValue());
        assertEquals("required", session.get("tool_choice").textValue());
        assertEquals("sess_1", session.get("id").textValue());
        assertEquals("echo", session.get("model").textValue());
    }
}
