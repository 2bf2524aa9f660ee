package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * Builds the JSON of Gemini Live client messages after {@code setup}: {@code realtimeInput},
 * {@code clientContent} and {@code toolResponse} (realtime-protocols §6.3, §6.5).
 */
final class GeminiClientMessages {

    /** Strict about trailing content, so {@code "12 apples"} is a string rather than the number 12. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The caller's audio: PCM16 little-endian mono at 16 kHz, the rate Gemini takes natively (§6.3). */
    static final String INPUT_MIME_TYPE = "audio/pcm;rate=16000";

    private GeminiClientMessages() {}

    /**
     * {@code realtimeInput.audio}. Built as a string, not a tree: it is sent every 20 ms of every call and base64
     * needs no JSON escaping.
     */
    static String audio(byte[] pcm16k) {
        String base64 = Base64.getEncoder().encodeToString(pcm16k);
        return new StringBuilder(base64.length() + 80)
                .append("{\"realtimeInput\":{\"audio\":{\"mimeType\":\"")
                .append(INPUT_MIME_TYPE)
                .append("\",\"data\":\"")
                .append(base64)
                .append("\"}}}")
                .toString();
    }

    /** The caller's audio stream paused; any later audio reopens it (§6.3). */
    static String audioStreamEnd() {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("realtimeInput").put("audioStreamEnd", true);
        return root.toString();
    }

    /** A complete user turn of text: it interrupts any generation and makes the model answer (§6.3). */
    static String userTurn(String text) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode content = root.putObject("clientContent");
        ObjectNode turn = content.putArray("turns").addObject();
        turn.put("role", "user");
        turn.putArray("parts").addObject().put("text", text);
        content.put("turnComplete", true);
        return root.toString();
    }

    /**
     * The answer to one function call (§6.5).
     *
     * @param id     the call's id as Gemini gave it, or {@code null} when it gave none (Vertex)
     * @param name   the function's name, which Gemini wants echoed
     * @param output the tool's output: JSON when it parses, otherwise plain text
     */
    static String toolResponse(String id, String name, String output) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode response = root.putObject("toolResponse").putArray("functionResponses").addObject();
        if (id != null) {
            response.put("id", id);
        }
        response.put("name", name);
        response.set("response", responseBody(output));
        return root.toString();
    }

    /**
     * {@code {"output": …}}, or {@code {"error": …}} when the output is a JSON object with a top-level
     * {@code error}: Gemini treats the two keys differently (§6.5).
     */
    static ObjectNode responseBody(String output) {
        JsonNode parsed = parseJson(output);
        ObjectNode body = JSON.createObjectNode();
        if (parsed == null) {
            body.put("output", output == null ? "" : output);
        } else if (parsed.isObject() && parsed.has("error")) {
            body.set("error", parsed.get("error"));
        } else {
            body.set("output", parsed);
        }
        return body;
    }

    private static JsonNode parseJson(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
