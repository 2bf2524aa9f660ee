package dev.switchboard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Binds the agent keys that tune the provider session: {@code speed}, {@code max_output_tokens},
 * {@code temperature}, {@code tool_choice}, {@code noise_reduction}, {@code transcription},
 * {@code turn_detection} and {@code audio}. Left out, each is the provider's default.
 */
final class SessionSections {

    static final List<String> TRANSCRIPTION_KEYS = List.of("model", "language", "prompt");
    /** Provider types that send no transcription model, so {@code transcription.model} is optional for them. */
    private static final List<String> TRANSCRIPTION_MODEL_UNUSED = List.of(ProviderConfig.XAI, ProviderConfig.GEMINI,
            ProviderConfig.LOCAL);

    /** An ISO 639-1 (or -2) language code, optionally with BCP 47 subtags such as a region: en, en-US. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final String LANGUAGE_EXPECTED = "a language code such as en or en-US";

    /** The bound values, in {@link AgentConfig}'s order. */
    record Settings(Double speed, Integer maxOutputTokens, Double temperature, String toolChoice,
                    String noiseReduction, TranscriptionConfig transcription, TurnDetectionConfig turnDetection,
                    AudioMode audio) {
    }

    private SessionSections() {
    }

    /**
     * @param agentTools the tool names the agent lists, as written, so a misspelt tool is reported
     *                   once in {@code tools} rather than again here
     * @param provider   the agent's provider, or null when it could not be built (already reported)
     */
    static Settings settings(MapView a, List<String> agentTools, ProviderConfig provider) {
        String audio = a.choice("audio", "audio mode", AudioMode.names(), null);
        return new Settings(
                a.decimal("speed", AgentConfig.MIN_SPEED, AgentConfig.MAX_SPEED),
                a.optionalInteger("max_output_tokens", 1, AgentConfig.MAX_OUTPUT_TOKENS_LIMIT),
                a.decimal("temperature", 0.0, AgentConfig.MAX_TEMPERATURE),
                toolChoice(a, agentTools),
                a.choice("noise_reduction", "noise reduction", AgentConfig.NOISE_REDUCTIONS, null),
                a.node("transcription") == null ? null
                        : transcription(a.section("transcription", TRANSCRIPTION_KEYS), provider),
                TurnDetections.turnDetection(a, provider),
                audio == null ? null : AudioMode.valueOf(audio.toUpperCase(Locale.ROOT)));
    }

    /** One of {@link AgentConfig#TOOL_CHOICES} (any case, returned in lower case) or an exact tool name. */
    private static String toolChoice(MapView a, List<String> agentTools) {
        YamlNode.Scalar scalar = a.scalar("tool_choice");
        if (scalar == null || scalar.text().isEmpty()) {
            return null;
        }
        String mode = scalar.text().toLowerCase(Locale.ROOT);
        if (AgentConfig.TOOL_CHOICES.contains(mode)) {
            if (mode.equals("required") && agentTools.isEmpty()) {
                a.problems().report(scalar, "tool_choice required needs at least one tool in tools");
            }
            return mode;
        }
        if (agentTools.contains(scalar.text())) {
            return scalar.text();
        }
        List<String> candidates = new ArrayList<>(AgentConfig.TOOL_CHOICES);
        candidates.addAll(agentTools);
        String hint = scalar.fromEnvironment() ? "" : Suggestions.didYouMean(scalar.text(), candidates);
        String listed = agentTools.isEmpty() ? "the agent lists no tools" : "tools: " + String.join(", ", agentTools);
        a.problems().report(scalar, "tool_choice " + scalar.shown() + " is neither auto, none, required nor one of "
                + "this agent's tools" + hint + " (" + listed + ")");
        return null;
    }

    /**
     * {@code model} is required unless the provider type sends none (xai takes only the language; gemini
     * and local take nothing): demanding a value that is then dropped would only mislead.
     *
     * @param provider null when it could not be built (already reported); the model is then required
     */
    private static TranscriptionConfig transcription(MapView t, ProviderConfig provider) {
        boolean modelUnused = provider != null && TRANSCRIPTION_MODEL_UNUSED.contains(provider.type());
        String model = modelUnused ? t.string("model", null) : t.requiredString("model");
        String language = t.parse(t.scalar("language"), null, LANGUAGE_EXPECTED, text -> {
            if (!LANGUAGE.matcher(text).matches()) {
                throw new IllegalArgumentException("invalid language '" + text + "' (expected " + LANGUAGE_EXPECTED
                        + ")");
            }
            return text;
        });
        String prompt = t.string("prompt", null);
        return model == null && !modelUnused ? null : new TranscriptionConfig(model, language, prompt);
    }
}
