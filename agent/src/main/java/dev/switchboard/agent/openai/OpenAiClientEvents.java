package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.agent.api.HistoryEntry;
import java.util.Base64;

/**
 * Builds the JSON of OpenAI Realtime GA client events (realtime-protocols §2.4–§2.10); {@code session.update} is
 * {@link SessionUpdates}' job.
 */
final class OpenAiClientEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiClientEvents() {}

    /**
     * {@code input_audio_buffer.append}. Built as a string, not a tree: it is sent every 20 ms of every call and
     * base64 needs no JSON escaping.
     */
    static String appendAudio(byte[] audio) {
        String base64 = Base64.getEncoder().encodeToString(audio);
        return new StringBuilder(base64.length() + 48)
                .append("{\"type\":\"input_audio_buffer.append\",\"audio\":\"")
                .append(base64)
                .append("\"}")
                .toString();
    }

    static String commit() {
        return event("input_audio_buffer.commit").toString();
    }

    static String createResponse(String instructions) {
        ObjectNode create = event("response.create");
        if (instructions != null) {
            create.putObject("response").put("instructions", instructions);
        }
        return create.toString();
    }

    static String cancelResponse() {
        return event("response.cancel").toString();
    }

    /** §2.7: tells the server how much of the agent's item the caller heard, so the rest leaves the context. */
    static String truncate(String itemId, int contentIndex, long audioEndMillis) {
        return event("conversation.item.truncate")
                .put("item_id", itemId)
                .put("content_index", contentIndex)
                .put("audio_end_ms", audioEndMillis)
                .toString();
    }

    static String userText(String text) {
        return itemCreate(message("user", "input_text", text));
    }

    /** §2.6: a function call's output goes back as a {@code function_call_output} item. */
    static String toolResult(String callId, String output) {
        return itemCreate(functionCallOutput(callId, output));
    }

    /**
     * One step of an earlier conversation as a {@code conversation.item.create} (§2.9, §2.10): what was said as
     * text messages (assistant text is {@code output_text}; its audio cannot be re-inserted), tool calls and
     * their outputs as the items the model itself produced and was given.
     */
    static String historyItem(HistoryEntry entry) {
        ObjectNode item = switch (entry) {
            case HistoryEntry.UserSaid said -> message("user", "input_text", said.text());
            case HistoryEntry.AgentSaid said -> message("assistant", "output_text", said.text());
            case HistoryEntry.ToolCalled call -> JSON.createObjectNode()
                    .put("type", "function_call")
                    .put("call_id", call.callId())
                    .put("name", call.name())
                    .put("arguments", call.arguments() == null ? "{}" : call.arguments());
            case HistoryEntry.ToolAnswered answer ->
                    functionCallOutput(answer.callId(), answer.output() == null ? "" : answer.output());
        };
        return itemCreate(item);
    }

    private static ObjectNode message(String role, String partType, String text) {
        ObjectNode item = JSON.createObjectNode().put("type", "message").put("role", role);
        item.putArray("content").addObject().put("type", partType).put("text", text);
        return item;
    }

    private static ObjectNode functionCallOutput(String callId, String output) {
        return JSON.createObjectNode()
                .put("type", "function_call_output")
                .put("call_id", callId)
                .put("output", output);
    }

    private static String itemCreate(ObjectNode item) {
        return event("conversation.item.create").set("item", item).toString();
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }
}
