package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maps server events shaped as in realtime-protocols §2.4–§2.8 (GA names, GA nesting) and checks the exact neutral
 * event each one becomes.
 */
class OpenAiServerEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ServerEvent> mapAll(String json) throws Exception {
        JsonNode event = JSON.readTree(json);
        return OpenAiServerEvents.map(event);
    }

    /** The one event {@code json} maps to, or {@code null} when it maps to none. */
    private static ServerEvent map(String json) throws Exception {
        List<ServerEvent> events = mapAll(json);
        assertTrue(events.size() <= 1, "expected at most one event: " + events);
        return events.isEmpty() ? null : events.getFirst();
    }

    @Test
    void speechStartedCarriesItemAndPaddedStart() throws Exception {
        ServerEvent event = map("""
                {"type":"input_audio_buffer.speech_started","event_id":"event_B1","audio_start_ms":1000,
                 "item_id":"item_003"}""");
        assertEquals(new ServerEvent.SpeechStarted("item_003", 1000), event);
    }

    @Test
    void speechStoppedCarriesItemAndEnd() throws Exception {
        ServerEvent event = map("""
                {"type":"input_audio_buffer.speech_stopped","event_id":"event_B2","audio_end_ms":2250,
                 "item_id":"item_003"}""");
        assertEquals(new ServerEvent.SpeechStopped("item_003", 2250), event);
    }

    @Test
    void responseCreatedCarriesTheResponseId() throws Exception {
        ServerEvent event = map("""
                {"type":"response.created","event_id":"event_C1","response":{"object":"realtime.response",
                 "id":"resp_001","status":"in_progress","status_details":null,"output":[],
                 "conversation_id":"conv_001","output_modalities":["audio"],"usage":null}}""");
        assertEquals(new ServerEvent.ResponseStarted("resp_001"), event);
    }

    @Test
    void outputAudioDeltaDecodesTheBase64Audio() throws Exception {
        byte[] pcm = {0, 1, 2, 3, (byte) 0x80, (byte) 0xff, 0x7f, -2};
        ServerEvent event = map("""
                {"type":"response.output_audio.delta","event_id":"event_D1","response_id":"resp_001",
                 "item_id":"item_004","output_index":0,"content_index":0,"delta":"%s"}"""
                .formatted(Base64.getEncoder().encodeToString(pcm)));
        ServerEvent.AudioDelta delta = assertInstanceOf(ServerEvent.AudioDelta.class, event);
        assertEquals("resp_001", delta.responseId());
        assertEquals("item_004", delta.itemId());
        assertEquals(0, delta.contentIndex());
        assertArrayEquals(pcm, delta.audio());
    }

    @Test
    void outputAudioDeltaKeepsANonZeroContentIndex() throws Exception {
        ServerEvent event = map("""
                {"type":"response.output_audio.delta","response_id":"resp_9","item_id":"item_9",
                 "output_index":1,"content_index":2,"delta":"AAA="}""");
        ServerEvent.AudioDelta delta = assertInstanceOf(ServerEvent.AudioDelta.class, event);
        assertEquals(2, delta.contentIndex());
        assertArrayEquals(new byte[] {0, 0}, delta.audio());
    }

    @Test
    void agentTranscriptDeltaAndDone() throws Exception {
        ServerEvent delta = map("""
                {"type":"response.output_audio_transcript.delta","event_id":"event_E1","response_id":"resp_001",
                 "item_id":"item_004","output_index":0,"content_index":0,"delta":"Hello, how can I a"}""");
        ServerEvent done = map("""
                {"type":"response.output_audio_transcript.done","event_id":"event_E2","response_id":"resp_001",
                 "item_id":"item_004","output_index":0,"content_index":0,
                 "transcript":"Hello, how can I assist you today?"}""");
        assertEquals(new ServerEvent.Transcript(Role.AGENT, "item_004", "Hello, how can I a", false), delta);
        assertEquals(new ServerEvent.Transcript(Role.AGENT, "item_004", "Hello, how can I assist you today?", true),
                done);
    }

    @Test
    void callerTranscriptionDeltaAndCompleted() throws Exception {
        ServerEvent delta = map("""
                {"type":"conversation.item.input_audio_transcription.delta","event_id":"event_F1",
                 "item_id":"item_003","content_index":0,"delta":"Where is my"}""");
        ServerEvent completed = map("""
                {"type":"conversation.item.input_audio_transcription.completed","event_id":"event_F2",
                 "item_id":"item_003","content_index":0,"transcript":"Where is my order?",
                 "usage":{"type":"tokens","total_tokens":22,"input_tokens":13,"output_tokens":9}}""");
        assertEquals(new ServerEvent.Transcript(Role.USER, "item_003", "Where is my", false), delta);
        assertEquals(new ServerEvent.Transcript(Role.USER, "item_003", "Where is my order?", true), completed);
    }

    @Test
    void outputItemAddedWithAFunctionCallStartsATool() throws Exception {
        ServerEvent event = map("""
                {"type":"response.output_item.added","event_id":"event_G1","response_id":"resp_002",
                 "output_index":0,"item":{"id":"item_005","object":"realtime.item","type":"function_call",
                 "status":"in_progress","call_id":"call_001","name":"lookup_order","arguments":""}}""");
        assertEquals(new ServerEvent.ToolCallStarted("call_001", "lookup_order"), event);
    }

    @Test
    void outputItemAddedWithAMessageIsNotReported() throws Exception {
        ServerEvent event = map("""
                {"type":"response.output_item.added","event_id":"event_G2","response_id":"resp_001",
                 "output_index":0,"item":{"id":"item_004","object":"realtime.item","type":"message",
                 "status":"in_progress","role":"assistant","content":[]}}""");
        assertNull(event);
    }

    @Test
    void functionCallArgumentsStreamThenComplete() throws Exception {
        ServerEvent delta = map("""
                {"type":"response.function_call_arguments.delta","event_id":"event_H1","response_id":"resp_002",
                 "item_id":"item_005","output_index":0,"call_id":"call_001","delta":"{\\"order"}""");
        ServerEvent done = map("""
                {"type":"response.function_call_arguments.done","event_id":"event_H2","response_id":"resp_002",
                 "item_id":"item_005","output_index":0,"call_id":"call_001","name":"lookup_order",
                 "arguments":"{\\"order_id\\":\\"123\\"}"}""");
        assertEquals(new ServerEvent.ToolCallArgumentsDelta("call_001", "{\"order"), delta);
        assertEquals(new ServerEvent.ToolCallDone("call_001", "lookup_order", "{\"order_id\":\"123\"}"), done);
    }

    @Test
    void responseDoneCompletedHasNoReasonAndReportsItsUsage() throws Exception {
        List<ServerEvent> events = mapAll("""
                {"type":"response.done","event_id":"event_I1","response":{"object":"realtime.response",
                 "id":"resp_001","status":"completed","status_details":null,"output":[{"id":"item_004",
                 "type":"message","role":"assistant","status":"completed","content":[]}],
                 "usage":{"total_tokens":120,"input_tokens":80,"output_tokens":40}}}""");
        assertEquals(List.of(new ServerEvent.ResponseDone("resp_001", "completed", null),
                new ServerEvent.Usage(80, 40, 120)), events);
    }

    @Test
    void responseDoneCancelledByTurnDetectionSaysWhy() throws Exception {
        ServerEvent event = map("""
                {"type":"response.done","event_id":"event_I2","response":{"object":"realtime.response",
                 "id":"resp_002","status":"cancelled",
                 "status_details":{"type":"cancelled","reason":"turn_detected"},"output":[]}}""");
        assertEquals(new ServerEvent.ResponseDone("resp_002", "cancelled", "turn_detected"), event);
    }

    @Test
    void responseDoneCancelledByTheClientSaysWhy() throws Exception {
        ServerEvent event = map("""
                {"type":"response.done","response":{"id":"resp_003","status":"cancelled",
                 "status_details":{"type":"cancelled","reason":"client_cancelled"}}}""");
        assertEquals(new ServerEvent.ResponseDone("resp_003", "cancelled", "client_cancelled"), event);
    }

    @Test
    void responseDoneFailedReportsTheErrorCode() throws Exception {
        ServerEvent event = map("""
                {"type":"response.done","event_id":"event_I3","response":{"object":"realtime.response",
                 "id":"resp_004","status":"failed","status_details":{"type":"failed",
                 "error":{"type":"server_error","code":"inference_rate_limit_exceeded"}},"output":[]}}""");
        assertEquals(new ServerEvent.ResponseDone("resp_004", "failed", "inference_rate_limit_exceeded"), event);
    }

    @Test
    void responseDoneIncompleteSaysWhy() throws Exception {
        ServerEvent event = map("""
                {"type":"response.done","response":{"id":"resp_005","status":"incomplete",
                 "status_details":{"type":"incomplete","reason":"max_output_tokens"}}}""");
        assertEquals(new ServerEvent.ResponseDone("resp_005", "incomplete", "max_output_tokens"), event);
    }

    @Test
    void errorEventCarriesCodeAndMessage() throws Exception {
        ServerEvent event = map("""
                {"type":"error","event_id":"event_890","error":{"type":"invalid_request_error",
                 "code":"invalid_event","message":"The 'type' field is missing.","param":null,
                 "event_id":"event_567"}}""");
        assertEquals(new ServerEvent.ProviderError("invalid_event", "The 'type' field is missing."), event);
    }

    @Test
    void errorEventMessageHasItsKeyRedacted() throws Exception {
        ServerEvent event = map("""
                {"type":"error","error":{"type":"invalid_request_error","code":"invalid_api_key",
                 "message":"Incorrect API key provided: sk-abc123def456. Check your key."}}""");
        ServerEvent.ProviderError error = assertInstanceOf(ServerEvent.ProviderError.class, event);
        assertEquals("invalid_api_key", error.code());
        assertEquals("Incorrect API key provided: [redacted]. Check your key.", error.message());
        assertFalse(error.message().contains("abc123def456"));
    }

    @Test
    void errorEventWithoutACodeIsReportedAsUnknown() throws Exception {
        ServerEvent event = map("""
                {"type":"error","error":{"type":"server_error","code":null,"message":"Internal error."}}""");
        assertEquals(new ServerEvent.ProviderError("unknown", "Internal error."), event);
    }

    @ParameterizedTest
    @ValueSource(strings = {"session.created", "session.updated", "conversation.created", "conversation.item.added",
            "conversation.item.created", "conversation.item.done", "conversation.item.truncated",
            "input_audio_buffer.committed", "input_audio_buffer.cleared", "response.content_part.added",
            "response.content_part.done", "response.output_item.done", "response.output_audio.done", "ping"})
    void lifecycleEventsAreQuiet(String type) throws Exception {
        assertNull(map("{\"type\":\"" + type + "\",\"event_id\":\"event_Q\"}"));
    }

    @Test
    void rateLimitsUpdatedReportsEveryLimit() throws Exception {
        ServerEvent event = map("""
                {"type":"rate_limits.updated","event_id":"event_R1","rate_limits":[
                 {"name":"requests","limit":1000,"remaining":999,"reset_seconds":60},
                 {"name":"tokens","limit":50000,"remaining":49950,"reset_seconds":1.2}]}""");
        assertEquals(new ServerEvent.RateLimits(List.of(
                new ServerEvent.RateLimit("requests", 1000, 999, 60.0),
                new ServerEvent.RateLimit("tokens", 50000, 49950, 1.2))), event);
    }

    @Test
    void rateLimitsUpdatedWithNoLimitsIsAnEmptyList() throws Exception {
        assertEquals(new ServerEvent.RateLimits(List.of()),
                map("{\"type\":\"rate_limits.updated\",\"rate_limits\":[]}"));
    }

    @Test
    void rateLimitsUpdatedWithoutItsArrayIsMalformed() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> map("{\"type\":\"rate_limits.updated\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> map("{\"type\":\"rate_limits.updated\",\"rate_limits\":[42]}"));
    }

    @Test
    void responseDoneWithoutUsageIsOnlyTheEnd() throws Exception {
        assertEquals(List.of(new ServerEvent.ResponseDone("resp_6", "completed", null)), mapAll("""
                {"type":"response.done","response":{"id":"resp_6","status":"completed","usage":null}}"""));
    }

    @Test
    void responseDoneTakesXaisTopLevelUsageAndDerivesAMissingTotal() throws Exception {
        List<ServerEvent> events = mapAll("""
                {"type":"response.done","response":{"id":"resp_x","status":"completed"},
                 "usage":{"input_tokens":30,"output_tokens":12}}""");
        assertEquals(List.of(new ServerEvent.ResponseDone("resp_x", "completed", null),
                new ServerEvent.Usage(30, 12, 42)), events);
    }

    @Test
    void xaiInterimCallerTranscriptIsNotDone() throws Exception {
        ServerEvent event = map("""
                {"type":"conversation.item.input_audio_transcription.updated","item_id":"item_u",
                 "transcript":"Where is"}""");
        assertEquals(new ServerEvent.Transcript(Role.USER, "item_u", "Where is", false), event);
    }

    @Test
    void xaiPingIsQuiet() throws Exception {
        assertEquals(List.of(), mapAll("{\"type\":\"ping\",\"timestamp\":1767225600}"));
    }

    @Test
    void anUnknownTypeIsKeptAsUnrecognized() throws Exception {
        ServerEvent event = map("""
                {"type":"input_audio_buffer.timeout_triggered","audio_start_ms":5000,"audio_end_ms":13000,
                 "item_id":"item_010"}""");
        assertEquals(new ServerEvent.Unrecognized("input_audio_buffer.timeout_triggered"), event);
    }

    @Test
    void anEventWithoutATypeIsUnrecognizedWithAnEmptyType() throws Exception {
        assertEquals(new ServerEvent.Unrecognized(""), map("{\"event_id\":\"event_X\"}"));
    }
}
