package dev.switchboard.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds an agent's {@code recording:} section and checks its file name template. */
final class RecordingSections {

    static final List<String> RECORDING_KEYS = List.of("path", "enabled");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final String ALLOWED = "{" + String.join("}, {", RecordingConfig.PLACEHOLDERS) + "}";
    private static final String EXPECTED = "a .wav file name template with placeholders among " + ALLOWED;

    private RecordingSections() {
    }

    /**
     * @param baseDirectory what a relative template is resolved against, as for tool tables
     * @return null after reporting when {@code path} is missing or invalid
     */
    static RecordingConfig recording(MapView r, Path baseDirectory) {
        String path = r.requiredString("path") == null ? null
                : r.parse(r.scalar("path"), null, EXPECTED, text -> template(text, baseDirectory));
        boolean enabled = Booleans.flag(r, "enabled", true);
        return path == null ? null : new RecordingConfig(path, enabled);
    }

    /** The template, checked and resolved; the directory need not exist yet (it may hold placeholders). */
    private static String template(String text, Path baseDirectory) {
        checkPlaceholders(text);
        if (!text.toLowerCase(Locale.ROOT).endsWith(".wav")) {
            throw new IllegalArgumentException("recording path '" + text + "' must end in .wav");
        }
        try {
            return baseDirectory.resolve(text).toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid path '" + text + "': " + e.getReason());
        }
    }

    /** Every {@code {name}} must be a known placeholder, and every brace part of one. */
    private static void checkPlaceholders(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (!RecordingConfig.PLACEHOLDERS.contains(name)) {
                unknown.add("{" + name + "}" + Suggestions.closest(name, RecordingConfig.PLACEHOLDERS)
                        .map(match -> " (did you mean {" + match + "}?)").orElse(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown placeholder" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " in '" + text + "' (allowed: " + ALLOWED + ")");
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unbalanced brace in '" + text + "' (placeholders are written "
                    + "{name}, e.g. {call_id})");
        }
    }
}
