package dev.switchboard.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as a whole number with a unit: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}. */
final class Durations {

    /** Up to nine digits keeps every unit far from {@link Duration}'s overflow. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    static final String EXPECTED = "a whole number with unit ms, s, m or h, e.g. 500ms, 3s, 2m, 1h";

    private Durations() {
    }

    /**
     * Parses a duration; a bare number means seconds.
     *
     * @throws IllegalArgumentException naming the bad text
     */
    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (expected " + EXPECTED + ")");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalStateException("pattern admits unit " + unit);
        };
    }

    /** {@code duration} as it would be written, in the largest unit that keeps it whole, e.g. {@code 1500ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0 || millis == 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
