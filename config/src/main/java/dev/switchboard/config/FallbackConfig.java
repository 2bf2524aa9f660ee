package dev.switchboard.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code fallback:} section of an agent: what the caller gets when the agent cannot be reached
 * or fails for good (a fatal provider error, or reconnect attempts exhausted).
 *
 * @param say        spoken (by the offline voice) before {@code then}; empty for nothing; default
 *                   {@link #DEFAULT_SAY}
 * @param then       what happens next; default {@link Then#HANGUP}
 * @param transferTo where {@link Then#TRANSFER} sends the call: a sip:, sips: or tel: URI; set exactly
 *                   when {@code then} is {@link Then#TRANSFER}
 */
public record FallbackConfig(String say, Then then, String transferTo) {

    /** What happens after {@code say}. */
    public enum Then {
        /** End the call. */
        HANGUP,
        /** Transfer the call to {@code transferTo}. */
        TRANSFER,
        /** Answer nothing: a call still ringing is rejected with 503 Service Unavailable (RFC 3261 §21.5.4). */
        REJECT;

        /** The names accepted in {@code fallback.then}. */
        static List<String> names() {
            return Arrays.stream(values()).map(then -> then.name().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** Used when {@code fallback.say} is absent. */
    public static final String DEFAULT_SAY = "Sorry, we cannot take your call right now. Please try again later.";

    public FallbackConfig {
        Objects.requireNonNull(say, "say");
        Objects.requireNonNull(then, "then");
        if ((then == Then.TRANSFER) != (transferTo != null)) {
            throw new IllegalArgumentException("transferTo is needed for, and only for, then TRANSFER");
        }
    }

    /** The configuration used when the {@code fallback:} section is absent. */
    public static FallbackConfig defaults() {
        return new FallbackConfig(DEFAULT_SAY, Then.HANGUP, null);
    }
}
