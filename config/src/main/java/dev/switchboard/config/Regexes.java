package dev.switchboard.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks the Java regular expressions of guardrails and scripts before a call depends on them. */
final class Regexes {

    static final String EXPECTED = "a Java regular expression";

    private Regexes() {
    }

    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException with the compiler's description of the error and where it is,
     *                                  not the multi-line rendering of {@link PatternSyntaxException}
     */
    static Pattern compile(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
            throw new IllegalArgumentException("invalid regular expression '" + text + "': "
                    + e.getDescription() + where);
        }
    }
}
