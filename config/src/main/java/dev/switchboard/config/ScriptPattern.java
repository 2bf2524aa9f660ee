package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script rule's {@code when}, compiled. Script group names become tool arguments and placeholders, which are
 * usually snake_case ({@code (?<order_id>...)}), but Java only allows letters and digits in group names: each
 * named group is therefore renamed {@code g1}, {@code g2}... for the compiler, and {@link #groups()} maps those
 * names back to the ones written.
 *
 * @param pattern the compiled expression, with renamed groups
 * @param groups  compiled group name to the name as written, in order of appearance
 */
public record ScriptPattern(Pattern pattern, Map<String, String> groups) {

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public ScriptPattern {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /**
     * Compiles {@code when}.
     *
     * @throws IllegalArgumentException naming what is wrong: a bad group name, or the compiler's description
     */
    public static ScriptPattern compile(String when) {
        Map<String, String> groups = new LinkedHashMap<>();
        StringBuilder rewritten = new StringBuilder(when.length());
        boolean inClass = false;
        for (int i = 0; i < when.length(); i++) {
            char c = when.charAt(i);
            if (c == '\\' && i + 1 < when.length()) {
                rewritten.append(c).append(when.charAt(++i));
                continue;
            }
            inClass = c == '[' || (inClass && c != ']');
            int end = inClass ? -1 : namedGroupEnd(when, i);
            if (end < 0) {
                rewritten.append(c);
                continue;
            }
            String name = when.substring(i + 3, end);
            if (!GROUP_NAME.matcher(name).matches() || groups.containsValue(name)) {
                throw new IllegalArgumentException("invalid regular expression '" + when + "': group name '" + name
                        + "' must be letters, digits and '_', start with a letter, and be used once");
            }
            String compiled = "g" + (groups.size() + 1);
            groups.put(compiled, name);
            rewritten.append("(?<").append(compiled).append('>');
            i = end;
        }
        return new ScriptPattern(Regexes.compile(rewritten.toString()), groups);
    }

    /** Where the name of a named group opened at {@code at} ends (its '>'), or -1 if none opens there. */
    private static int namedGroupEnd(String text, int at) {
        if (!text.startsWith("(?<", at) || text.startsWith("(?<=", at) || text.startsWith("(?<!", at)) {
            return -1;
        }
        return text.indexOf('>', at + 3);
    }

    /** The named groups of a match, by the names as written; groups that did not take part are left out. */
    public Map<String, String> values(Matcher match) {
        Map<String, String> values = new LinkedHashMap<>();
        groups.forEach((compiled, name) -> Optional.ofNullable(match.group(compiled))
                .ifPresent(value -> values.put(name, value)));
        return values;
    }
}
