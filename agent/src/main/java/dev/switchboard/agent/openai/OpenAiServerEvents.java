package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Maps OpenAI Realtime GA server events (realtime-protocols §2.4–§2.9), and xAI's few extras (§5), onto
 * {@link ServerEvent}s.
 */
final class OpenAiServerEvents {

    /** Lifecycle events that carry nothing the call needs; xAI's {@code ping} is a keep-alive. */
    private static final Set<String> QUIET = Set.of(
            "session.created", "session.updated", "conversation.created", "conversation.item.added",
            "conversation.item.created", "conversation.item.done", "conversation.item.truncated",
            "input_audio_buffer.committed", "input_audio_buffer.cleared", "response.content_part.added",
            "response.content_part.done", "response.output_item.done", "response.output_audio.done", "ping");

    private OpenAiServerEvents() {}

    /**
     * The neutral events for {@code event}: usually one, none when it has no meaning outside the protocol, two for
     * a {@code response.done} that reports its usage. An unknown type becomes {@link ServerEvent.Unrecognized}.
     *
     * @throws RuntimeException when a known event is malformed (bad base64, a field of the wrong shape)
     */
    static List<ServerEvent> map(JsonNode event) {
        String type = event.path("type").asText("");
        return switch (type) {
            case "response.done" -> responseDone(event);
            case "rate_limits.updated" -> List.of(rateLimits(event.path("rate_limits")));
            default -> {
                ServerEvent single = mapSingle(type, event);
                yield single == null ? List.of() : List.of(single);
            }
        };
    }

    private static ServerEvent mapSingle(String type, JsonNode event) {
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
            case "conversation.item.input_audio_transcription.updated" -> xaiTranscriptionUpdate(event);
            case "conversation.item.input_audio_transcription.completed" ->
                    transcript(event, Role.USER, "transcript", true);
            case "response.output_item.added" -> toolCallStarted(event.path("item"));
            case "response.function_call_arguments.delta" -> new ServerEvent.ToolCallArgumentsDelta(
                    text(event, "call_id"), event.path("delta").asText(""));
            case "response.function_call_arguments.done" -> new ServerEvent.ToolCallDone(
                    text(event, "call_id"), text(event, "name"), event.path("arguments").asText(""));
            case "error" -> new ServerEvent.ProviderError(
                    event.path("error").path("code").asText("unknown"),
                    Redaction.redact(event.path("error").path("message").asText("")));
            default -> QUIET.contains(type) ? null : new ServerEvent.Unrecognized(type);
        };
    }

    private static ServerEvent transcript(JsonNode event, Role role, String field, boolean done) {
        return new ServerEvent.Transcript(role, text(event, "item_id"), event.path(field).asText(""), done);
    }

    /** xAI's interim caller transcript (§5): the text so far, in {@code transcript} (or {@code delta}). */
    private static ServerEvent xaiTranscriptionUpdate(JsonNode event) {
        return transcript(event, Role.USER, event.has("transcript") ? "transcript" : "delta", false);
    }

    private static ServerEvent toolCallStarted(JsonNode item) {
        if (!"function_call".equals(item.path("type").asText())) {
            return null;
        }
        return new ServerEvent.ToolCallStarted(text(item, "call_id"), text(item, "name"));
    }

    /**
     * §2.5: the response's end, and the tokens it used when the server says ({@code response.usage}; xAI also
     * puts it at the top level of the event).
     */
    private static List<ServerEvent> responseDone(JsonNode event) {
        JsonNode response = event.path("response");
        JsonNode details = response.path("status_details");
        String reason = details.path("reason").asText(null);
        if (reason == null && details.has("error")) {
            reason = details.path("error").path("code").asText(null);
        }
        ServerEvent done = new ServerEvent.ResponseDone(
                text(response, "id"), response.path("status").asText("completed"), reason);
        JsonNode usage = response.path("usage").isObject() ? response.path("usage") : event.path("usage");
        if (!usage.isObject()) {
            return List.of(done);
        }
        int input = usage.path("input_tokens").asInt();
        int output = usage.path("output_tokens").asInt();
        int total = usage.has("total_tokens") ? usage.path("total_tokens").asInt() : input + output;
        return List.of(done, new ServerEvent.Usage(input, output, total));
    }

    /** §2.9: {@code rate_limits: [{name, limit, remaining, reset_seconds}]}. */
    private static ServerEvent rateLimits(JsonNode limits) {
        if (!limits.isArray()) {
            throw new IllegalArgumentException("rate_limits is not an array");
        }
        List<ServerEvent.RateLimit> parsed = new ArrayList<>(limits.size());
        for (JsonNode limit : limits) {
            if (!limit.isObject()) {
                throw new IllegalArgumentException("a rate limit is not an object");
            }
            parsed.add(new ServerEvent.RateLimit(text(limit, "name"), limit.path("limit").asLong(),
                    limit.path("remaining").asLong(), limit.path("reset_seconds").asDouble()));
        }
        return new ServerEvent.RateLimits(List.copyOf(parsed));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
