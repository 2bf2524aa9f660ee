package dev.switchboard.agent.gemini;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses protobuf {@code Duration}s in their JSON form: decimal seconds with at most nine fractional digits and an
 * {@code s} suffix, such as {@code "12s"}, {@code "1.5s"} or {@code "0.000340s"} (Gemini's {@code goAway.timeLeft}).
 */
final class ProtoDurations {

    /** Non-negative only; twelve integer digits are over 30,000 years, far past anything a server announces. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?s");

    private ProtoDurations() {}

    /**
     * @throws IllegalArgumentException when {@code text} is not a non-negative number of seconds ending in {@code s}
     */
    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a protobuf duration (like \"1.5s\"): \"" + text + "\"");
        }
        long seconds = Long.parseLong(matcher.group(1));
        String fraction = matcher.group(2) == null ? "" : matcher.group(2);
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000000").substring(0, 9));
        return Duration.ofSeconds(seconds, nanos);
    }
}
