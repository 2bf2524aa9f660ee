package dev.switchboard.config;

import java.util.regex.Pattern;

/** Parses the numbers of the configuration, checking their range; messages show the text as written. */
final class Numbers {

    /** Plain decimal notation as YAML writes it; no NaN, infinities, hex or {@code _} separators. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d{1,9}(\\.\\d*)?|\\.\\d+)");

    private Numbers() {
    }

    /** A whole number of at least {@code minimum}. */
    static int wholeNumber(String text, int minimum) {
        int value = wholeNumber(text);
        if (value < minimum) {
            throw new IllegalArgumentException("must be at least " + minimum + ", found " + value);
        }
        return value;
    }

    /** A whole number within {@code minimum..maximum}. */
    static int wholeNumber(String text, int minimum, int maximum) {
        int value = wholeNumber(text);
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException("must be within " + minimum + ".." + maximum + ", found " + value);
        }
        return value;
    }

    /** A number such as {@code 0.7}, {@code 1} or {@code .5} within {@code minimum..maximum}. */
    static double decimal(String text, double minimum, double maximum) {
        String written = text.strip();
        if (!DECIMAL.matcher(written).matches()) {
            throw new IllegalArgumentException("expected a number, e.g. 0.5, found '" + text + "'");
        }
        double value = Double.parseDouble(written);
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException("must be within " + minimum + ".." + maximum + ", found " + written);
        }
        return value;
    }

    private static int wholeNumber(String text) {
        if (!text.matches("-?\\d{1,10}") || Math.abs(Long.parseLong(text)) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected a whole number, found '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
