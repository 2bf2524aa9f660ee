package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.ServerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Gemini Live server messages (realtime-protocols §6.4) onto {@link ServerEvent}s, and remembers the function
 * calls still waiting for an answer, whose names the {@code toolResponse} must echo (§6.5).
 *
 * <p>One message may carry several top-level keys ({@code usageMetadata} rides beside {@code serverContent}); each
 * is mapped in turn, and one that is malformed is logged and skipped without losing the others.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class GeminiServerMessages {

    private static final Logger log = LoggerFactory.getLogger(GeminiServerMessages.class);

    private final ModelTurns turns = new ModelTurns();
    private final Map<String, PendingCall> pendingCalls = new HashMap<>();
    private int unnamedCalls;

    /**
     * A function call the model is waiting on.
     *
     * @param wireId Gemini's id for it, or {@code null} when it gave none (the call's neutral id is then made up)
     */
    record PendingCall(String wireId, String name) {}

    /** The events that {@code message}, a JSON object received after {@code setupComplete}, reports. */
    List<ServerEvent> map(JsonNode message) {
        List<ServerEvent> out = new ArrayList<>(4);
        for (Map.Entry<String, JsonNode> field : message.properties()) {
            try {
                mapField(field.getKey(), field.getValue(), out);
            } catch (RuntimeException e) {
                log.warn("Gemini sent a malformed {} ({}); ignored", field.getKey(), e.getMessage());
            }
        }
        return out;
    }

    /** The call interrupted the agent: the events that ends the current turn with (none when none is running). */
    List<ServerEvent> interrupt() {
        List<ServerEvent> out = new ArrayList<>(2);
        turns.cancel(out);
        return out;
    }

    /**
     * A function call made on an earlier connection of this conversation, still unanswered: its result may be
     * sent on this one (Gemini needs the function's name with it, §6.5).
     */
    void expectAnswerTo(String callId, String name) {
        pendingCalls.put(callId, new PendingCall(callId, name));
    }

    /** Forgets and returns the call {@code callId} names, or {@code null} when none is waiting (or it was cancelled). */
    PendingCall takeToolCall(String callId) {
        return pendingCalls.remove(callId);
    }

    private void mapField(String key, JsonNode value, List<ServerEvent> out) {
        switch (key) {
            case "serverContent" -> serverContent(value, out);
            case "toolCall" -> toolCall(value, out);
            case "toolCallCancellation" -> toolCallCancellation(value, out);
            case "usageMetadata" -> out.add(new ServerEvent.Usage(value.path("promptTokenCount").asInt(),
                    value.path("responseTokenCount").asInt(), value.path("totalTokenCount").asInt()));
            case "goAway" -> out.add(new ServerEvent.GoingAway(goAwayTimeLeft(value)));
            case "sessionResumptionUpdate" -> resumptionUpdate(value, out);
            case "voiceActivity" -> voiceActivity(value, out);
            case "setupComplete" -> { } // a repeat; the session is already open
            default -> out.add(new ServerEvent.Unrecognized(key));
        }
    }

    /**
     * The parts of one {@code serverContent}, in the order they happen: the caller's words, the model's voice and
     * words, then how the turn ends. Other fields (interim transcripts, grounding, {@code waitingForInput}) carry
     * nothing the call needs.
     */
    private void serverContent(JsonNode content, List<ServerEvent> out) {
        JsonNode input = content.path("inputTranscription");
        if (input.isObject()) {
            turns.inputTranscription(input.path("text").asText(""), input.path("finished").asBoolean(), out);
        }
        for (JsonNode part : content.path("modelTurn").path("parts")) {
            modelPart(part, out);
        }
        JsonNode output = content.path("outputTranscription");
        if (output.isObject()) {
            turns.outputTranscription(output.path("text").asText(""), out);
        }
        String reason = content.hasNonNull("turnCompleteReason") ? content.get("turnCompleteReason").asText() : null;
        if (content.path("interrupted").asBoolean()) {
            turns.interrupted(out);
        }
        if (content.path("generationComplete").asBoolean()) {
            turns.generationComplete(reason, out);
        }
        if (content.path("turnComplete").asBoolean()) {
            turns.turnComplete(reason, out);
        }
    }

    /**
     * Audio parts become audio deltas. Text parts are not what the caller hears (native-audio models put their
     * thoughts there), so the agent's transcript comes from {@code outputTranscription} alone.
     */
    private void modelPart(JsonNode part, List<ServerEvent> out) {
        JsonNode inline = part.path("inlineData");
        if (!inline.path("mimeType").asText("").startsWith("audio/pcm")) {
            return;
        }
        byte[] pcm;
        try {
            pcm = Base64.getDecoder().decode(inline.path("data").asText(""));
        } catch (IllegalArgumentException e) {
            log.warn("Gemini sent audio that is not base64 ({}); chunk dropped", e.getMessage());
            return;
        }
        if (pcm.length > 0) {
            turns.audio(pcm, out);
        }
    }

    /** Arguments arrive complete, as an object (§6.4): each call starts and finishes at once. */
    private void toolCall(JsonNode toolCall, List<ServerEvent> out) {
        for (JsonNode call : toolCall.path("functionCalls")) {
            String name = call.path("name").asText("");
            String wireId = call.hasNonNull("id") ? call.get("id").asText() : null;
            String callId = wireId != null ? wireId : "call_" + ++unnamedCalls;
            JsonNode args = call.path("args");
            pendingCalls.put(callId, new PendingCall(wireId, name));
            out.add(new ServerEvent.ToolCallStarted(callId, name));
            out.add(new ServerEvent.ToolCallDone(callId, name, args.isObject() ? args.toString() : "{}"));
        }
    }

    /**
     * The caller interrupted while these calls were out (§6.4). Their answers are no longer wanted, so they are
     * forgotten; the neutral API has no cancellation event, and the call cancels its tools on barge-in anyway.
     */
    private void toolCallCancellation(JsonNode cancellation, List<ServerEvent> out) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : cancellation.path("ids")) {
            ids.add(id.asText());
            pendingCalls.remove(id.asText());
        }
        log.info("Gemini cancelled function calls {}", ids);
        out.add(new ServerEvent.Unrecognized("toolCallCancellation"));
    }

    /** A goAway without a readable time left still means the connection is closing: report it as imminent. */
    private static Duration goAwayTimeLeft(JsonNode goAway) {
        JsonNode timeLeft = goAway.path("timeLeft");
        if (timeLeft.isMissingNode() || timeLeft.isNull()) {
            return Duration.ZERO;
        }
        try {
            return ProtoDurations.parse(timeLeft.asText());
        } catch (IllegalArgumentException e) {
            log.warn("Gemini goAway has an unreadable timeLeft ({}); treated as imminent", e.getMessage());
            return Duration.ZERO;
        }
    }

    /** Only a resumable update has a usable handle: during generation or tool calls it is empty (§6.7). */
    private static void resumptionUpdate(JsonNode update, List<ServerEvent> out) {
        String handle = update.path("newHandle").asText("");
        if (update.path("resumable").asBoolean() && !handle.isEmpty()) {
            out.add(new ServerEvent.ResumptionHandle(handle));
        }
    }

    private static void voiceActivity(JsonNode activity, List<ServerEvent> out) {
        long offsetMillis = activity.hasNonNull("audioOffset") ? offsetMillis(activity.get("audioOffset")) : 0;
        switch (activity.path("voiceActivityType").asText("")) {
            case "ACTIVITY_START" -> out.add(new ServerEvent.SpeechStarted(null, offsetMillis));
            case "ACTIVITY_END" -> out.add(new ServerEvent.SpeechStopped(null, offsetMillis));
            default -> { }
        }
    }

    private static long offsetMillis(JsonNode offset) {
        try {
            return ProtoDurations.parse(offset.asText()).toMillis();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
