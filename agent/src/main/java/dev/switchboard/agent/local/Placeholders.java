package dev.switchboard.agent.local;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {name}} placeholders of a scripted agent's texts (see {@link LocalAgent.Rule}). A name
 * starts with a letter and goes on with letters, digits and underscores; other braces are plain text.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private Placeholders() {
    }

    /** {@code template} with every placeholder that has a value replaced by it; the others stay as written. */
    static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(placeholder -> {
            String value = values.get(placeholder.group(1));
            return Matcher.quoteReplacement(value != null ? value : placeholder.group());
        });
    }
}
