package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import java.util.Base64;

/**
 * Builds the JSON of OpenAI Realtime GA client events (realtime-protocols §2.2–§2.7).
 */
final class OpenAiClientEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiClientEvents() {}

    /**
     * {@code session.update} with the GA nested shape: {@code session.type} is required, formats are objects under
     * {@code audio.input} / {@code audio.output}, and server VAD both detects turns and interrupts responses.
     */
    static String sessionUpdate(SessionConfig config) {
        return sessionUpdate(config, true);
    }

    /** As {@link #sessionUpdate(SessionConfig)}; {@code withVoice} false leaves the voice out (§2.2). */
    static String sessionUpdate(SessionConfig config, boolean withVoice) {
        ObjectNode session = JSON.createObjectNode();
        session.put("type", "realtime");
        session.put("instructions", config.instructions());
        session.putArray("output_modalities").add("audio");
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.set("format", format(config.inputFormat()));
        ObjectNode vad = input.putObject("turn_detection");
        vad.put("type", "server_vad");
        vad.put("create_response", true);
        vad.put("interrupt_response", true);
        ObjectNode output = audio.putObject("output");
        output.set("format", format(config.outputFormat()));
        if (withVoice && config.voice() != null && !config.voice().isBlank()) {
            output.put("voice", config.voice());
        }
        if (!config.tools().isEmpty()) {
            ArrayNode tools = session.putArray("tools");
            for (ToolDefinition tool : config.tools()) {
                ObjectNode node = tools.addObject();
                node.put("type", "function");
                node.put("name", tool.name());
                node.put("description", tool.description() == null ? "" : tool.description());
                node.set("parameters", JSON.valueToTree(tool.parameters()));
            }
            session.put("tool_choice", "auto");
        }
        return event("session.update").set("session", session).toString();
    }

    static ObjectNode format(AudioFormat format) {
        ObjectNode node = JSON.createObjectNode();
        switch (format.encoding()) {
            case PCM16 -> node.put("type", "audio/pcm").put("rate", format.sampleRate());
            case PCMU -> node.put("type", "audio/pcmu");
            case PCMA -> node.put("type", "audio/pcma");
        }
        return node;
    }

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
        ObjectNode root = event("conversation.item.create");
        ObjectNode item = root.putObject("item");
        item.put("type", "message");
        item.put("role", "user");
        item.putArray("content").addObject().put("type", "input_text").put("text", text);
        return root.toString();
    }

    /** §2.6: a function call's output goes back as a {@code function_call_output} item. */
    static String toolResult(String callId, String output) {
        ObjectNode root = event("conversation.item.create");
        root.putObject("item")
                .put("type", "function_call_output")
                .put("call_id", callId)
                .put("output", output);
        return root.toString();
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }
}
