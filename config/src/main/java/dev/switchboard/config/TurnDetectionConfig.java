package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code turn_detection:} section of an agent: how the provider decides that the caller has
 * finished speaking. Every setting left null is the provider's default.
 *
 * <p>The ranges of {@code silenceDuration} (10 ms..10 s) and {@code prefixPadding} (0..10 s) are
 * those the built-in engine enforces (it refuses a whole {@code session.update} with a value outside
 * them), and they are checked for every provider type, not only local: OpenAI documents no hard
 * limits, but outside them a value is of no use on a phone call. Under 10 ms of silence every pause
 * between two words ends the caller's turn; over 10 s the caller waits that long for every answer; and
 * over 10 s of padding hands the model that much audio from before each utterance. One range for all
 * also means that moving an agent to another provider never makes its configuration invalid.
 *
 * @param type            {@link #SERVER_VAD} (voice activity detection by volume and silence) or
 *                        {@link #SEMANTIC_VAD} (a model judges whether the caller is done; only
 *                        providers of type openai and azure offer it); default server_vad
 * @param threshold       server_vad only: how loud speech must be to count, 0.0..1.0
 * @param prefixPadding   server_vad only: audio kept from before speech was detected, 0..10 s
 * @param silenceDuration server_vad only: silence that ends the caller's turn, 10 ms..10 s
 * @param idleTimeout     server_vad only: after this long without the caller speaking, 5 s..30 s,
 *                        the model is prompted to continue the conversation
 * @param eagerness       semantic_vad only: {@code low}, {@code medium}, {@code high} or {@code auto};
 *                        how soon the model takes its turn
 */
public record TurnDetectionConfig(String type, Double threshold, Duration prefixPadding,
                                  Duration silenceDuration, Duration idleTimeout, String eagerness) {

    public static final String SERVER_VAD = "server_vad";
    public static final String SEMANTIC_VAD = "semantic_vad";
    /** The values accepted in {@code turn_detection.type}. */
    public static final List<String> TYPES = List.of(SERVER_VAD, SEMANTIC_VAD);
    /** The values accepted in {@code turn_detection.eagerness}. */
    public static final List<String> EAGERNESS = List.of("low", "medium", "high", "auto");
    /** Provider types that offer {@link #SEMANTIC_VAD}. */
    public static final List<String> SEMANTIC_VAD_PROVIDERS = List.of(ProviderConfig.OPENAI, ProviderConfig.AZURE);

    public static final double MIN_THRESHOLD = 0.0;
    public static final double MAX_THRESHOLD = 1.0;
    /** The shortest {@code silence_duration}. */
    public static final Duration MIN_SILENCE_DURATION = Duration.ofMillis(10);
    /** The longest {@code silence_duration}. */
    public static final Duration MAX_SILENCE_DURATION = Duration.ofSeconds(10);
    /** The longest {@code prefix_padding} (the shortest is 0). */
    public static final Duration MAX_PREFIX_PADDING = Duration.ofSeconds(10);
    public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MAX_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public TurnDetectionConfig {
        Objects.requireNonNull(type, "type");
    }
}
