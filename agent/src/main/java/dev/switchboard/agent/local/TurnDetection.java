package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The session's {@code audio.input.turn_detection} of type {@code server_vad} (reference §2.4), the only type the
 * local engine implements. {@code idle_timeout_ms} is accepted and reported but has no effect yet.
 */
record TurnDetection(double threshold, int prefixPaddingMs, int silenceDurationMs,
                     boolean createResponse, boolean interruptResponse) {

    static final String PARAM = "session.audio.input.turn_detection";
    private static final String SERVER_VAD = "server_vad";

    /** OpenAI's defaults, as reported in {@code session.created}. */
    static ObjectNode defaultsJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", SERVER_VAD);
        json.put("threshold", 0.5);
        json.put("prefix_padding_ms", 300);
        json.put("silence_duration_ms", 500);
        json.put("create_response", true);
        json.put("interrupt_response", true);
        json.putNull("idle_timeout_ms");
        return json;
    }

    /** Reads validated JSON as produced by {@link #merge}; null for manual turns. */
    static TurnDetection fromJson(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        return new TurnDetection(json.get("threshold").doubleValue(), json.get("prefix_padding_ms").intValue(),
                json.get("silence_duration_ms").intValue(), json.get("create_response").booleanValue(),
                json.get("interrupt_response").booleanValue());
    }

    /**
     * Applies a {@code session.update}'s turn_detection to the current value: null switches to manual turns, an
     * object changes only the fields it names (starting from the defaults when turns were manual).
     */
    static JsonNode merge(JsonNode current, JsonNode patch) {
        if (patch.isNull()) {
            return NullNode.getInstance();
        }
        ObjectNode changes = Params.requireObject(patch, PARAM);
        String type = Params.isAbsent(changes.get("type")) && current.isObject()
                ? current.get("type").textValue()
                : Params.requireText(changes.get("type"), PARAM + ".type");
        if (!SERVER_VAD.equals(type)) {
            throw new RequestException("invalid_value", "The local engine supports turn_detection type 'server_vad'"
                    + " only, not '" + type + "'.", PARAM + ".type");
        }
        ObjectNode next = current.isObject() ? ((ObjectNode) current).deepCopy() : defaultsJson();
        for (Map.Entry<String, JsonNode> field : changes.properties()) {
            applyField(next, field.getKey(), field.getValue());
        }
        return next;
    }

    private static void applyField(ObjectNode target, String name, JsonNode value) {
        String param = PARAM + "." + name;
        switch (name) {
            case "type" -> { }
            case "threshold" -> target.put(name, Params.requireNumberIn(value, param, 0.0, 1.0));
            case "prefix_padding_ms" -> target.put(name, (int) Params.requireIntegerIn(value, param, 0, 10_000));
            case "silence_duration_ms" -> target.put(name, (int) Params.requireIntegerIn(value, param, 10, 10_000));
            case "create_response", "interrupt_response" -> target.put(name, Params.requireBoolean(value, param));
            case "idle_timeout_ms" -> {
                if (value.isNull()) {
                    target.putNull(name);
                } else {
                    target.put(name, (int) Params.requireIntegerIn(value, param, 5_000, 30_000));
                }
            }
            default -> throw Params.unknownParameter(param);
        }
    }
}
