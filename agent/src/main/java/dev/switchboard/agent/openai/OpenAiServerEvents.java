package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import java.util.Base64;
import java.util.Set;

/**
 * Maps OpenAI Realtime GA server events (realtime-protocols §2.4–§2.8) onto {@link ServerEvent}s.
 */
final class OpenAiServerEvents {

    /** Lifecycle events that carry nothing the call needs. */
    private static final Set<String> QUIET = Set.of(
            "session.created", "session.updated", "conversation.created", "conversation.item.added",
            "conversation.item.created", "conversation.item.done", "conversation.item.truncated",
            "input_audio_buffer.committed", "input_audio_buffer.cleared", "response.content_part.added",
            "response.content_part.done", "response.output_item.done", "response.output_audio.done",
            "rate_limits.updated");

    private OpenAiServerEvents() {}

    /** The neutral event for {@code event}, or {@code null} when it has no meaning outside the protocol. */
    static ServerEvent map(JsonNode event) {
        String type = event.path("type").asText("");
        return switch (type) {
            case "input_audio_buffer.speech_started" -> new ServerEvent.SpeechStarted(
                    text(event, "item_id"), event.path("audio_start_ms").asLong());
            case "input_audio_buffer.speech_stopped" -> new ServerEvent.SpeechStopped(
                    text(event, "item_id"), event.path("audio_end_ms").asLong());
            case "response.created" -> new ServerEvent.ResponseStarted(text(event.path("response"), "id"));
            case "response.output_audio.delta" -> new ServerEvent.AudioDelta(
                    text(event, "response_id"), text(event, "item_id"), event.path("content_index").asInt(),
                    Base64.getDecoder().decode(event.path("delta").asText("")));
            case "response.output_audio_transcript.delta" -> transcript(event, Role.AGENT, "delta", false);
            case "response.output_audio_transcript.done" -> transcript(event, Role.AGENT, "transcript", true);
            case "conversation.item.input_audio_transcription.delta" -> transcript(event, Role.USER, "delta", false);
            case "conversation.item.input_audio_transcription.completed" ->
                    transcript(event, Role.USER, "transcript", true);
            case "response.output_item.added" -> toolCallStarted(event.path("item"));
            case "response.function_call_arguments.delta" -> new ServerEvent.ToolCallArgumentsDelta(
                    text(event, "call_id"), event.path("delta").asText(""));
            case "response.function_call_arguments.done" -> new ServerEvent.ToolCallDone(
                    text(event, "call_id"), text(event, "name"), event.path("arguments").asText(""));
            case "response.done" -> responseDone(event.path("response"));
            case "error" -> new ServerEvent.ProviderError(
                    event.path("error").path("code").asText("unknown"),
                    Redaction.redact(event.path("error").path("message").asText("")));
            default -> QUIET.contains(type) ? null : new ServerEvent.Unrecognized(type);
        };
    }

    private static ServerEvent transcript(JsonNode event, Role role, String field, boolean done) {
        return new ServerEvent.Transcript(role, text(event, "item_id"), event.path(field).asText(""), done);
    }

    private static ServerEvent toolCallStarted(JsonNode item) {
        if (!"function_call".equals(item.path("type").asText())) {
            return null;
        }
        return new ServerEvent.ToolCallStarted(text(item, "call_id"), text(item, "name"));
    }

    private static ServerEvent responseDone(JsonNode response) {
        JsonNode details = response.path("status_details");
        String reason = details.path("reason").asText(null);
        if (reason == null && details.has("error")) {
            reason = details.path("error").path("code").asText(null);
        }
        return new ServerEvent.ResponseDone(text(response, "id"), response.path("status").asText("completed"), reason);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
