package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * The effective GA {@code session} object of one connection and the rules of {@code session.update}
 * (reference §2.2): only fields present change, {@code null} clears, and an update with any invalid field is
 * rejected as a whole so the session never ends up half-changed.
 *
 * <p>The local engine implements {@code audio/pcm} at 24 kHz in both directions, {@code output_modalities
 * ["audio"]} and {@code server_vad} or manual turns. Instructions, voice, tools and the like are validated lightly,
 * stored and reported back, but do not change what the engine says: that is up to the session's behaviour.
 */
final class SessionConfig {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Fields stored as given because the engine has no use for them. */
    private static final Set<String> STORED_AS_GIVEN = Set.of("tool_choice", "truncation", "tracing", "prompt",
            "include", "parallel_tool_calls", "reasoning");
    /** Fields fixed at connect that clients may echo back from {@code session.created}. */
    private static final Set<String> FIXED = Set.of("id", "object", "model", "expires_at");

    private ObjectNode session;

    private SessionConfig(ObjectNode session) {
        this.session = session;
    }

    /** OpenAI's default configuration, as {@code session.created} reports it. */
    static SessionConfig withDefaults(String sessionId, String model) {
        ObjectNode s = JSON.objectNode();
        s.put("type", "realtime");
        s.put("object", "realtime.session");
        s.put("id", sessionId);
        s.put("model", model);
        s.putArray("output_modalities").add("audio");
        s.put("instructions", "");
        ObjectNode audio = s.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.set("format", pcmFormat());
        input.putNull("transcription");
        input.putNull("noise_reduction");
        input.set("turn_detection", TurnDetection.defaultsJson());
        ObjectNode output = audio.putObject("output");
        output.set("format", pcmFormat());
        output.put("voice", "alloy");
        output.put("speed", 1.0);
        s.putArray("tools");
        s.put("tool_choice", "auto");
        s.put("max_output_tokens", "inf");
        s.put("truncation", "auto");
        s.putNull("tracing");
        s.putNull("prompt");
        s.putNull("include");
        return new SessionConfig(s);
    }

    /** A copy of the full effective configuration. */
    ObjectNode snapshot() {
        return session.deepCopy();
    }

    /** The turn detection in force, or null for manual turns. */
    TurnDetection turnDetection() {
        return TurnDetection.fromJson(session.get("audio").get("input").get("turn_detection"));
    }

    /** {@code {format, voice}} of the output audio, as a response object reports it. */
    ObjectNode outputAudio() {
        ObjectNode output = session.get("audio").get("output").deepCopy();
        output.remove("speed");
        return output;
    }

    /** Applies a {@code session.update}; on any error nothing changes. */
    void update(ObjectNode patch) {
        if (Params.isAbsent(patch.get("type"))) {
            throw new RequestException("missing_required_parameter",
                    "Missing required parameter: 'session.type'.", "session.type");
        }
        ObjectNode next = session.deepCopy();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            applyField(next, field.getKey(), field.getValue());
        }
        session = next;
    }

    private static void applyField(ObjectNode target, String name, JsonNode value) {
        String param = "session." + name;
        switch (name) {
            case "type" -> {
                if (!"realtime".equals(Params.requireText(value, param))) {
                    throw new RequestException("invalid_value", "The local engine supports session type"
                            + " 'realtime' only, not '" + value.textValue() + "'.", param);
                }
            }
            case "audio" -> mergeAudio((ObjectNode) target.get("audio"), Params.requireObject(value, param));
            case "instructions" -> target.put(name, Params.requireText(value, param));
            case "tools" -> target.set(name, requireArray(value, param));
            case "output_modalities" -> target.set(name, outputModalities(value, param));
            case "max_output_tokens" -> target.set(name, maxOutputTokens(value, param));
            default -> {
                if (STORED_AS_GIVEN.contains(name)) {
                    target.set(name, value.deepCopy());
                } else if (!FIXED.contains(name)) {
                    throw Params.unknownParameter(param);
                }
            }
        }
    }

    private static void mergeAudio(ObjectNode audio, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String param = "session.audio." + field.getKey();
            ObjectNode changes = Params.requireObject(field.getValue(), param);
            switch (field.getKey()) {
                case "input" -> mergeInput((ObjectNode) audio.get("input"), changes);
                case "output" -> mergeOutput((ObjectNode) audio.get("output"), changes);
                default -> throw Params.unknownParameter(param);
            }
        }
    }

    private static void mergeInput(ObjectNode input, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String param = "session.audio.input." + name;
            switch (name) {
                case "format" -> input.set(name, audioFormat(value, param));
                case "transcription", "noise_reduction" -> input.set(name, objectOrNull(value, param));
                case "turn_detection" -> input.set(name, TurnDetection.merge(input.get(name), value));
                default -> throw Params.unknownParameter(param);
            }
        }
    }

    private static void mergeOutput(ObjectNode output, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String param = "session.audio.output." + name;
            switch (name) {
                case "format" -> output.set(name, audioFormat(value, param));
                case "voice" -> output.set(name, value.isObject() ? value.deepCopy()
                        : JSON.textNode(Params.requireText(value, param)));
                case "speed" -> output.put(name, Params.requireNumberIn(value, param, 0.25, 1.5));
                default -> throw Params.unknownParameter(param);
            }
        }
    }

    /** Accepts {@code {"type":"audio/pcm","rate":24000}} (rate may be omitted); anything else is not implemented yet. */
    private static ObjectNode audioFormat(JsonNode value, String param) {
        ObjectNode format = Params.requireObject(value, param);
        String type = Params.requireText(format.get("type"), param + ".type");
        JsonNode rate = format.get("rate");
        boolean pcm24k = "audio/pcm".equals(type)
                && (Params.isAbsent(rate) || rate.isIntegralNumber() && rate.intValue() == Pcm24k.SAMPLE_RATE);
        if (!pcm24k) {
            throw new RequestException("invalid_value", "The local engine supports only {\"type\":\"audio/pcm\","
                    + "\"rate\":24000} for now, not " + format + ".", param);
        }
        return pcmFormat();
    }

    private static ObjectNode pcmFormat() {
        ObjectNode format = JSON.objectNode();
        format.put("type", "audio/pcm");
        format.put("rate", Pcm24k.SAMPLE_RATE);
        return format;
    }

    private static JsonNode objectOrNull(JsonNode value, String param) {
        return value.isNull() ? value : Params.requireObject(value, param).deepCopy();
    }

    private static JsonNode requireArray(JsonNode value, String param) {
        if (!value.isArray()) {
            throw new RequestException("invalid_type", "Invalid type for '" + param + "': expected an array.", param);
        }
        return value.deepCopy();
    }

    private static JsonNode outputModalities(JsonNode value, String param) {
        if (!value.isArray() || value.size() != 1 || !"audio".equals(value.get(0).textValue())) {
            throw new RequestException("invalid_value",
                    "The local engine supports output_modalities [\"audio\"] only, not " + value + ".", param);
        }
        return value.deepCopy();
    }

    private static JsonNode maxOutputTokens(JsonNode value, String param) {
        if (value.isTextual() && "inf".equals(value.textValue())) {
            return value;
        }
        return JSON.numberNode(Params.requireIntegerIn(value, param, 1, 4096));
    }
}
