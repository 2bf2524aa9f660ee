package dev.switchboard.config;

import java.time.Duration;
import java.util.List;

/**
 * Binds an agent's {@code turn_detection:}. Settings of the other detection type are rejected
 * rather than silently ignored, and semantic VAD is checked against the provider's type, since
 * only OpenAI's realtime API (also served by Azure) offers it. The ranges of {@code silence_duration}
 * and {@code prefix_padding} hold for every provider type; {@link TurnDetectionConfig} says why.
 */
final class TurnDetections {

    static final List<String> KEYS = List.of("type", "threshold", "prefix_padding", "silence_duration",
            "idle_timeout", "eagerness");

    private static final List<String> SERVER_VAD_KEYS = List.of("threshold", "prefix_padding", "silence_duration",
            "idle_timeout");
    private static final List<String> SEMANTIC_VAD_KEYS = List.of("eagerness");

    private TurnDetections() {
    }

    /**
     * @param provider the agent's provider, or null when it could not be built (already reported)
     * @return null when the agent has no {@code turn_detection:}
     */
    static TurnDetectionConfig turnDetection(MapView agent, ProviderConfig provider) {
        if (agent.node("turn_detection") == null) {
            return null;
        }
        MapView t = agent.section("turn_detection", KEYS);
        String type = t.choice("type", "turn_detection type", TurnDetectionConfig.TYPES,
                TurnDetectionConfig.SERVER_VAD);
        boolean serverVad = TurnDetectionConfig.SERVER_VAD.equals(type);
        boolean semanticVad = TurnDetectionConfig.SEMANTIC_VAD.equals(type);
        if (semanticVad) {
            checkSemanticProvider(t, provider);
            t.reject(SERVER_VAD_KEYS, "only used by turn_detection type server_vad");
        } else if (serverVad) {
            t.reject(SEMANTIC_VAD_KEYS, "only used by turn_detection type semantic_vad");
        }
        Double threshold = semanticVad ? null
                : t.decimal("threshold", TurnDetectionConfig.MIN_THRESHOLD, TurnDetectionConfig.MAX_THRESHOLD);
        Duration prefixPadding = semanticVad ? null : t.duration("prefix_padding", null, Duration.ZERO,
                TurnDetectionConfig.MAX_PREFIX_PADDING);
        Duration silenceDuration = semanticVad ? null : t.duration("silence_duration", null,
                TurnDetectionConfig.MIN_SILENCE_DURATION, TurnDetectionConfig.MAX_SILENCE_DURATION);
        Duration idleTimeout = semanticVad ? null : t.duration("idle_timeout", null,
                TurnDetectionConfig.MIN_IDLE_TIMEOUT, TurnDetectionConfig.MAX_IDLE_TIMEOUT);
        String eagerness = serverVad ? null
                : t.choice("eagerness", "eagerness", TurnDetectionConfig.EAGERNESS, null);
        return type == null ? null : new TurnDetectionConfig(type, threshold, prefixPadding, silenceDuration,
                idleTimeout, eagerness);
    }

    private static void checkSemanticProvider(MapView t, ProviderConfig provider) {
        if (provider != null && !TurnDetectionConfig.SEMANTIC_VAD_PROVIDERS.contains(provider.type())) {
            t.problems().report(t.node("type"), "semantic_vad is only offered by providers of type "
                    + String.join(" or ", TurnDetectionConfig.SEMANTIC_VAD_PROVIDERS) + " (this agent's provider has "
                    + "type " + provider.type() + "); use server_vad");
        }
    }
}
