package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.RealtimeOptions;
import dev.switchboard.agent.api.RealtimeOptions.TurnDetection;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code session.update} for each dialect from a {@link SessionConfig} and its {@link RealtimeOptions}.
 *
 * <p>OpenAI, Azure and the local engine take the GA shape (realtime-protocols §2.2): {@code session.type}, and
 * everything audio nested under {@code audio.input} / {@code audio.output}. xAI (§5) puts {@code voice} and
 * {@code turn_detection} at the top of the session, keeps the formats nested, has no {@code session.type}, no
 * semantic VAD and a transcription that only takes a {@code language_hint}. Fields xAI is not documented to take
 * (noise reduction, {@code tool_choice}, {@code max_output_tokens}, {@code output_modalities}) are left out for it:
 * an unknown parameter would make the server refuse the whole configuration.
 *
 * <p>Options left {@code null} are not sent, so the provider's defaults apply; a default {@link RealtimeOptions}
 * gives the same JSON as before options existed.
 */
final class SessionUpdates {

    private static final Logger log = LoggerFactory.getLogger(SessionUpdates.class);
    /** {@code tool_choice} values that are modes; anything else names the one function the model must call. */
    private static final Set<String> TOOL_CHOICE_MODES = Set.of("auto", "none", "required");
    private static final AtomicBoolean semanticFallbackLogged = new AtomicBoolean();

    private SessionUpdates() {}

    /**
     * The {@code session.update} event for {@code dialect}. {@code withVoice} false leaves the voice out: OpenAI
     * refuses a voice change once the model has produced audio (§2.2).
     */
    static String sessionUpdate(SessionConfig config, Dialect dialect, boolean withVoice) {
        ObjectNode session = dialect == Dialect.XAI ? xaiSession(config, withVoice) : gaSession(config, withVoice);
        return OpenAiClientEvents.JSON.createObjectNode()
                .put("type", "session.update")
                .set("session", session)
                .toString();
    }

    private static ObjectNode gaSession(SessionConfig config, boolean withVoice) {
        RealtimeOptions options = config.options();
        ObjectNode session = OpenAiClientEvents.JSON.createObjectNode();
        session.put("type", "realtime");
        session.put("instructions", config.instructions());
        session.putArray("output_modalities").add("audio");
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.set("format", format(config.inputFormat()));
        if (options.transcription() != null) {
            RealtimeOptions.Transcription transcription = options.transcription();
            ObjectNode node = input.putObject("transcription");
            putIfSet(node, "model", transcription.model());
            putIfSet(node, "language", transcription.language());
            putIfSet(node, "prompt", transcription.prompt());
        }
        if (isSet(options.noiseReduction())) {
            input.putObject("noise_reduction").put("type", options.noiseReduction());
        }
        input.set("turn_detection", gaTurnDetection(options.turnDetection()));
        ObjectNode output = output(audio, config, withVoice ? config.voice() : null);
        if (options.speed() != null) {
            output.put("speed", options.speed());
        }
        if (!config.tools().isEmpty()) {
            session.set("tools", tools(config));
            session.set("tool_choice", toolChoice(options.toolChoice()));
        }
        if (options.maxOutputTokens() != null) {
            session.put("max_output_tokens", options.maxOutputTokens());
        }
        return session;
    }

    /** §5: flat voice and turn detection, nested formats, and nothing xAI is not known to accept. */
    private static ObjectNode xaiSession(SessionConfig config, boolean withVoice) {
        RealtimeOptions options = config.options();
        ObjectNode session = OpenAiClientEvents.JSON.createObjectNode();
        session.put("instructions", config.instructions());
        if (withVoice && isSet(config.voice())) {
            session.put("voice", config.voice());
        }
        session.set("turn_detection", xaiTurnDetection(options.turnDetection()));
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.set("format", format(config.inputFormat()));
        if (options.transcription() != null && isSet(options.transcription().language())) {
            input.putObject("transcription").put("language_hint", options.transcription().language());
        }
        ObjectNode output = output(audio, config, null);
        if (options.speed() != null) {
            output.put("speed", options.speed());
        }
        if (!config.tools().isEmpty()) {
            session.set("tools", tools(config));
        }
        return session;
    }

    private static ObjectNode output(ObjectNode audio, SessionConfig config, String voice) {
        ObjectNode output = audio.putObject("output");
        output.set("format", format(config.outputFormat()));
        if (isSet(voice)) {
            output.put("voice", voice);
        }
        return output;
    }

    /**
     * §2.4: either detector both ends the caller's turn with a response and cancels the response when the caller
     * talks over it, which is what a phone agent needs.
     */
    private static ObjectNode gaTurnDetection(TurnDetection detection) {
        ObjectNode node = OpenAiClientEvents.JSON.createObjectNode();
        if (detection.semantic()) {
            node.put("type", "semantic_vad");
            putIfSet(node, "eagerness", detection.eagerness());
        } else {
            serverVad(node, detection);
        }
        node.put("create_response", true);
        node.put("interrupt_response", true);
        return node;
    }

    /** §5: xAI only has server VAD; a semantic VAD configuration falls back to it (logged once per process). */
    private static ObjectNode xaiTurnDetection(TurnDetection detection) {
        if (detection.semantic() && semanticFallbackLogged.compareAndSet(false, true)) {
            log.warn("xAI has no semantic_vad; using server_vad instead");
        }
        return serverVad(OpenAiClientEvents.JSON.createObjectNode(), detection);
    }

    private static ObjectNode serverVad(ObjectNode node, TurnDetection detection) {
        node.put("type", "server_vad");
        if (detection.threshold() != null) {
            node.put("threshold", detection.threshold());
        }
        if (detection.prefixPaddingMillis() != null) {
            node.put("prefix_padding_ms", detection.prefixPaddingMillis());
        }
        if (detection.silenceDurationMillis() != null) {
            node.put("silence_duration_ms", detection.silenceDurationMillis());
        }
        if (detection.idleTimeoutMillis() != null) {
            node.put("idle_timeout_ms", detection.idleTimeoutMillis());
        }
        return node;
    }

    private static ArrayNode tools(SessionConfig config) {
        ArrayNode tools = OpenAiClientEvents.JSON.createArrayNode();
        for (ToolDefinition tool : config.tools()) {
            ObjectNode node = tools.addObject();
            node.put("type", "function");
            node.put("name", tool.name());
            node.put("description", tool.description() == null ? "" : tool.description());
            node.set("parameters", OpenAiClientEvents.JSON.valueToTree(tool.parameters()));
        }
        return tools;
    }

    /** §2.2: a mode as a string, or {@code {"type":"function","name":…}} to force one function; default auto. */
    private static JsonNode toolChoice(String choice) {
        if (!isSet(choice)) {
            return OpenAiClientEvents.JSON.getNodeFactory().textNode("auto");
        }
        if (TOOL_CHOICE_MODES.contains(choice)) {
            return OpenAiClientEvents.JSON.getNodeFactory().textNode(choice);
        }
        return OpenAiClientEvents.JSON.createObjectNode().put("type", "function").put("name", choice);
    }

    /** §2.3: PCM names its rate; G.711 has none (8 kHz is implied). */
    static ObjectNode format(AudioFormat format) {
        ObjectNode node = OpenAiClientEvents.JSON.createObjectNode();
        switch (format.encoding()) {
            case PCM16 -> node.put("type", "audio/pcm").put("rate", format.sampleRate());
            case PCMU -> node.put("type", "audio/pcmu");
            case PCMA -> node.put("type", "audio/pcma");
        }
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (isSet(value)) {
            node.put(field, value);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
