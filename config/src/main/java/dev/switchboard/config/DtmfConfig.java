package dev.switchboard.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code dtmf:} section of an agent: what happens to the keys a caller presses (RFC 4733
 * telephone-events, or SIP INFO).
 *
 * @param mode              {@link Mode#COLLECT} or {@link Mode#FORWARD}; default collect
 * @param terminator        collect only: the key that ends a collection, one of {@code 0-9 * # A-D};
 *                          empty when collections end only by timeout or {@code maxDigits};
 *                          default {@code #}
 * @param interDigitTimeout collect only: quiet time after the last key that ends a collection;
 *                          default 3 s
 * @param maxDigits         collect only: a collection also ends at this many keys, 1..64;
 *                          default 32
 */
public record DtmfConfig(Mode mode, String terminator, Duration interDigitTimeout, int maxDigits) {

    /** How pressed keys reach the agent. */
    public enum Mode {
        /** Keys are gathered into one string, handed over when the collection ends. */
        COLLECT,
        /** Each key is handed to the model as it is pressed. */
        FORWARD;

        /** The names accepted in {@code dtmf.mode}. */
        static List<String> names() {
            return Arrays.stream(values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** The sixteen DTMF keys (ITU-T Q.23), of which a terminator must be one. */
    public static final String KEYS = "0123456789*#ABCD";
    public static final String DEFAULT_TERMINATOR = "#";
    public static final Duration DEFAULT_INTER_DIGIT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MAX_DIGITS = 32;
    /** The largest {@code max_digits} accepted. */
    public static final int MAX_DIGITS_LIMIT = 64;

    public DtmfConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(terminator, "terminator");
        Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
    }

    /** The configuration used when the {@code dtmf:} section is absent. */
    public static DtmfConfig defaults() {
        return new DtmfConfig(Mode.COLLECT, DEFAULT_TERMINATOR, DEFAULT_INTER_DIGIT_TIMEOUT, DEFAULT_MAX_DIGITS);
    }
}
