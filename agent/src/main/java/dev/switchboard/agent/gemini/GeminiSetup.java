package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.agent.api.RealtimeOptions;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;

/**
 * Builds the {@code setup} message, the first and only configuration a Gemini Live connection gets
 * (realtime-protocols §6.2). Options with no Gemini equivalent (noise reduction, tool choice, speed, VAD threshold,
 * semantic VAD) are left out, so the server's defaults apply.
 */
final class GeminiSetup {

    private GeminiSetup() {}

    /**
     * The {@code setup} message for {@code config}, addressed to {@code wireModel}.
     *
     * <p>Resumption is always requested (§6.7), so the server sends handles from the start. A {@code resume} with a
     * handle continues that session on the server side; one with only a history folds the transcript into the
     * system instruction instead.
     */
    static String message(SessionConfig config, String wireModel, Resume resume) {
        ObjectNode setup = GeminiClientMessages.JSON.createObjectNode();
        setup.put("model", wireModel);
        setup.set("generationConfig", generationConfig(config));
        String instructions = resume.handle() == null
                ? MidCallInstructions.fold(config.instructions(), resume.history())
                : config.instructions();
        if (!instructions.isBlank()) {
            setup.putObject("systemInstruction").putArray("parts").addObject().put("text", instructions);
        }
        if (!config.tools().isEmpty()) {
            setup.putArray("tools").addObject().set("functionDeclarations", functionDeclarations(config));
        }
        setup.set("realtimeInputConfig", realtimeInputConfig(config.options().turnDetection()));
        setup.putObject("inputAudioTranscription");
        setup.putObject("outputAudioTranscription");
        ObjectNode resumption = setup.putObject("sessionResumption");
        if (resume.handle() != null) {
            resumption.put("handle", resume.handle());
        }
        // Audio-only sessions end after 15 minutes unless the context is compressed (§6.7); a call may run longer.
        setup.putObject("contextWindowCompression").putObject("slidingWindow");
        ObjectNode root = GeminiClientMessages.JSON.createObjectNode();
        root.set("setup", setup);
        return root.toString();
    }

    private static ObjectNode generationConfig(SessionConfig config) {
        ObjectNode generation = GeminiClientMessages.JSON.createObjectNode();
        generation.putArray("responseModalities").add("AUDIO");
        if (config.voice() != null && !config.voice().isBlank()) {
            generation.putObject("speechConfig").putObject("voiceConfig").putObject("prebuiltVoiceConfig")
                    .put("voiceName", config.voice());
        }
        RealtimeOptions options = config.options();
        if (options.temperature() != null) {
            generation.put("temperature", options.temperature());
        }
        if (options.maxOutputTokens() != null) {
            generation.put("maxOutputTokens", options.maxOutputTokens());
        }
        return generation;
    }

    /** Tool parameters pass through: Gemini accepts the common subset of JSON Schema (§6.2). */
    private static ArrayNode functionDeclarations(SessionConfig config) {
        ArrayNode declarations = GeminiClientMessages.JSON.createArrayNode();
        for (ToolDefinition tool : config.tools()) {
            ObjectNode declaration = declarations.addObject();
            declaration.put("name", tool.name());
            declaration.put("description", tool.description() == null ? "" : tool.description());
            declaration.set("parameters", GeminiClientMessages.JSON.valueToTree(tool.parameters()));
        }
        return declarations;
    }

    /**
     * Automatic activity detection with barge-in: caller speech ends the turn and interrupts the model, as a
     * phone agent needs whatever VAD type was configured.
     */
    private static ObjectNode realtimeInputConfig(RealtimeOptions.TurnDetection turnDetection) {
        ObjectNode input = GeminiClientMessages.JSON.createObjectNode();
        ObjectNode detection = input.putObject("automaticActivityDetection");
        detection.put("disabled", false);
        if (turnDetection.prefixPaddingMillis() != null) {
            detection.put("prefixPaddingMs", turnDetection.prefixPaddingMillis());
        }
        if (turnDetection.silenceDurationMillis() != null) {
            detection.put("silenceDurationMs", turnDetection.silenceDurationMillis());
        }
        input.put("activityHandling", "START_OF_ACTIVITY_INTERRUPTS");
        return input;
    }
}
