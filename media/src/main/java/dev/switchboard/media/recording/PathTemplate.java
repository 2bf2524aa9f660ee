package dev.switchboard.media.recording;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a call's recording goes, as a path with placeholders, e.g.
 * {@code recordings/{date}/{call_id}-{from}-{to}.wav}:
 * <ul>
 *   <li>{@code {call_id}}: the SIP Call-ID; {@code {from}}: the caller; {@code {to}}: the dialed number;
 *       {@code {agent}}: the agent's name;</li>
 *   <li>{@code {date}} ({@code yyyy-MM-dd}) and {@code {time}} ({@code HHmmss}): when the recording started, in
 *       the zone the settings give (UTC unless configured).</li>
 * </ul>
 *
 * <p>The call's values come from SIP headers, which the caller controls, so each is reduced to ASCII letters,
 * digits, {@code + - . _} (anything else becomes {@code _}), may not start with a dot, and is cut to
 * {@value #MAX_VALUE_LENGTH} characters: no value can add a directory, climb out of one ({@code ..}), hide a file,
 * or carry control or bidirectional-override characters into a name. The template itself is the operator's and is
 * checked when parsed: only known placeholders, no {@code .} or {@code ..} segments, and no file name that could
 * expand beyond the 255 bytes file systems allow.
 */
public final class PathTemplate {

    /** Longest a call value may be in a file name. */
    public static final int MAX_VALUE_LENGTH = 48;
    /** What an absent or blank value becomes. */
    static final String UNKNOWN = "unknown";
    private static final int MAX_NAME_BYTES = 255;
    /** Room kept in the file name for the "-999" that avoids overwriting an existing file. */
    private static final int SUFFIX_ROOM = 4;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final List<String> CALL_VALUES = List.of("call_id", "from", "to", "agent");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final String template;

    private PathTemplate(String template) {
        this.template = template;
    }

    /**
     * Checks and keeps a template.
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown placeholder, a stray brace, a {@code .} or
     *         {@code ..} segment, an empty file name, a control character or backslash, a name that could grow too long
     */
    public static PathTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("recording path is empty");
        }
        String problem = problem(template);
        if (problem != null) {
            throw new IllegalArgumentException("recording path '" + template + "': " + problem);
        }
        return new PathTemplate(template);
    }

    /** The file for {@code call}, started at {@code start}, resolved against {@code base} unless absolute. */
    public Path resolve(Path base, RecordedCall call, ZonedDateTime start) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            String value = switch (placeholders.group(1)) {
                case "call_id" -> sanitise(call.callId());
                case "from" -> sanitise(call.from());
                case "to" -> sanitise(call.to());
                case "agent" -> sanitise(call.agent());
                case "date" -> DATE.format(start);
                case "time" -> TIME.format(start);
                default -> throw new IllegalStateException("placeholder checked at parse: " + placeholders.group());
            };
            placeholders.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(path);
        return base.resolve(path.toString()).normalize();
    }

    /**
     * A caller-controlled value made safe as part of a file name: ASCII letters, digits and {@code + - . _} kept,
     * each run of anything else turned into one {@code _}, a leading dot turned into {@code _}, cut to
     * {@link #MAX_VALUE_LENGTH}; {@value #UNKNOWN} when absent or blank.
     */
    static String sanitise(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        StringBuilder safe = new StringBuilder(MAX_VALUE_LENGTH);
        for (int i = 0; i < value.length() && safe.length() < MAX_VALUE_LENGTH; ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean dotFirst = codePoint == '.' && safe.isEmpty();
            if (kept(codePoint) && !dotFirst) {
                safe.append((char) codePoint);
            } else if (safe.isEmpty() || safe.charAt(safe.length() - 1) != '_') {
                safe.append('_');
            }
        }
        return safe.toString();
    }

    private static boolean kept(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '+' || c == '-' || c == '.' || c == '_';
    }

    private static String problem(String template) {
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (Character.isISOControl(c) || c == '\\') {
                return "contains " + (c == '\\' ? "a backslash" : "control character U+%04X".formatted((int) c))
                        + " (use / between directories)";
            }
        }
        String[] segments = template.split("/", -1);
        if (segments[segments.length - 1].isEmpty()) {
            return "ends with '/' (it needs a file name, e.g. {call_id}.wav)";
        }
        for (String segment : segments) {
            String problem = segmentProblem(segment);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String segmentProblem(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return "has a '" + segment + "' segment (recordings stay inside the directories the path names)";
        }
        Matcher placeholders = PLACEHOLDER.matcher(segment);
        int longest = 0;
        StringBuilder literal = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1);
            int length = expandedLength(name);
            if (length < 0) {
                return "unknown placeholder {" + name + "} (known: {call_id}, {from}, {to}, {agent}, {date}, {time})";
            }
            longest += length;
            placeholders.appendReplacement(literal, "");
        }
        placeholders.appendTail(literal);
        if (literal.indexOf("{") >= 0 || literal.indexOf("}") >= 0) {
            return "has a '{' or '}' that is not part of a placeholder in '" + segment + "'";
        }
        longest += literal.toString().getBytes(StandardCharsets.UTF_8).length + SUFFIX_ROOM;
        if (longest > MAX_NAME_BYTES) {
            return "'" + segment + "' could expand to " + longest + " bytes; a file or directory name may have at most "
                    + MAX_NAME_BYTES + " (each call value takes up to " + MAX_VALUE_LENGTH + ")";
        }
        return null;
    }

    /** The most characters a placeholder expands to; -1 for an unknown one. */
    private static int expandedLength(String name) {
        if (CALL_VALUES.contains(name)) {
            return MAX_VALUE_LENGTH;
        }
        return switch (name) {
            case "date" -> 10;
            case "time" -> 6;
            default -> -1;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathTemplate that && template.equals(that.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
