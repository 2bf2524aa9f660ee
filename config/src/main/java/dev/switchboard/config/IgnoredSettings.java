package dev.switchboard.config;

import java.util.List;
import java.util.Map;

/**
 * Warns about agent settings that the agent's provider type ignores, so a setting that does nothing
 * is noticed instead of passing silently. They are warnings, not errors: the setting is valid, and it
 * takes effect when the agent moves to a provider that uses it.
 *
 * <p>The table follows what the server actually sends each type: the OpenAI protocol's
 * {@code session.update} (GA shape for openai, azure and local, the flatter xAI shape for xai), the
 * Gemini Live {@code setup} message, and what the built-in engine does with a session. Settings that
 * are an error for a type (semantic VAD outside openai and azure, a script outside local) are reported
 * as errors elsewhere and are not repeated here.
 */
final class IgnoredSettings {

    /** A setting, by its dotted key under the agent, and why the type ignores it. */
    private record Ignored(String key, String why) {
    }

    private static final String XAI_SESSION = "xAI's session does not take it";
    private static final String XAI_TRANSCRIPTION = "xAI takes only the transcription language";
    private static final String GEMINI_SETUP = "Gemini Live's setup has no such setting";
    private static final String NO_MODEL = "the built-in engine has no language model";
    private static final String MODE = "only the local engine has modes";

    /** Also azure's: the same protocol. */
    private static final List<Ignored> OPENAI = List.of(
            new Ignored("mode", MODE),
            new Ignored("temperature", "OpenAI's GA realtime session has no temperature"));

    private static final List<Ignored> XAI = List.of(
            new Ignored("mode", MODE),
            new Ignored("temperature", XAI_SESSION),
            new Ignored("max_output_tokens", XAI_SESSION),
            new Ignored("tool_choice", XAI_SESSION),
            new Ignored("noise_reduction", XAI_SESSION),
            new Ignored("transcription.model", XAI_TRANSCRIPTION),
            new Ignored("transcription.prompt", XAI_TRANSCRIPTION));

    private static final List<Ignored> GEMINI = List.of(
            new Ignored("mode", MODE),
            new Ignored("speed", GEMINI_SETUP),
            new Ignored("tool_choice", GEMINI_SETUP),
            new Ignored("noise_reduction", GEMINI_SETUP),
            new Ignored("transcription", "Gemini Live always transcribes both sides"),
            new Ignored("turn_detection.threshold", GEMINI_SETUP),
            new Ignored("turn_detection.idle_timeout", GEMINI_SETUP));

    /**
     * The built-in engine stores these session fields but does not act on them: a script or echo
     * decides what it says, in its own offline voice. Greeting, script, mode, tools and the server_vad
     * settings it does use are deliberately absent.
     */
    private static final List<Ignored> LOCAL = List.of(
            new Ignored("voice", "the built-in engine speaks with its own offline voice"),
            new Ignored("instructions", NO_MODEL),
            new Ignored("temperature", NO_MODEL),
            new Ignored("max_output_tokens", NO_MODEL),
            new Ignored("tool_choice", NO_MODEL),
            new Ignored("speed", "the built-in engine does not change its speaking rate"),
            new Ignored("noise_reduction", "the built-in engine does not filter noise"),
            new Ignored("transcription", "the built-in engine does not transcribe"),
            new Ignored("turn_detection.idle_timeout", "the built-in engine does not act on it yet"));

    private static final Map<String, List<Ignored>> BY_TYPE = Map.of(
            ProviderConfig.OPENAI, OPENAI,
            ProviderConfig.AZURE, OPENAI,
            ProviderConfig.XAI, XAI,
            ProviderConfig.GEMINI, GEMINI,
            ProviderConfig.LOCAL, LOCAL);

    private IgnoredSettings() {
    }

    /**
     * Warns, at each such key, about the settings of agent {@code a} that {@code provider}'s type ignores.
     *
     * @param provider the agent's provider, or null when it could not be built (already reported)
     */
    static void warn(MapView a, ProviderConfig provider) {
        if (provider == null) {
            return;
        }
        for (Ignored ignored : BY_TYPE.getOrDefault(provider.type(), List.of())) {
            YamlNode node = given(a, ignored.key());
            if (node != null) {
                a.problems().warn(node, "ignored by provider type " + provider.type() + " (" + ignored.why() + ")");
            }
        }
    }

    /**
     * The node at dotted {@code key} under the agent, or null when it is absent or has no value (empty
     * counts as unset, as everywhere). Walks the tree directly: a second view of a section would report
     * its unknown keys again.
     */
    private static YamlNode given(MapView a, String key) {
        String[] parts = key.split("\\.");
        YamlNode node = a.node(parts[0]);
        for (int i = 1; i < parts.length && node != null; i++) {
            node = node instanceof YamlNode.Mapping mapping ? mapping.entries().get(parts[i]) : null;
        }
        boolean unset = node == null || node instanceof YamlNode.Scalar scalar
                && (scalar.isNull() || scalar.text().isEmpty());
        return unset ? null : node;
    }
}
