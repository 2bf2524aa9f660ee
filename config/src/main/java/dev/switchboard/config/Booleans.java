package dev.switchboard.config;

import java.util.Locale;

/**
 * Parses on/off settings. Only {@code true} and {@code false} are accepted: YAML 1.1 also reads
 * {@code yes}, {@code no}, {@code on} and {@code off} as booleans, but YAML 1.2 does not, so they are
 * rejected rather than guessed at.
 */
final class Booleans {

    static final String EXPECTED = "true or false";

    private Booleans() {
    }

    /**
     * @throws IllegalArgumentException naming the bad text
     */
    static boolean parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, found '" + text + "'");
        };
    }

    /** The on/off setting under {@code key}; {@code fallback} when absent or empty, or after reporting. */
    static boolean flag(MapView view, String key, boolean fallback) {
        return view.parse(view.scalar(key), fallback, EXPECTED, Booleans::parse);
    }
}
