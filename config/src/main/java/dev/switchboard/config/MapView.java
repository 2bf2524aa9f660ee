package dev.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed, validating access to one YAML map with a fixed set of keys. Unknown keys are reported as
 * soon as the view is made; every getter reports a bad value with its path and line and returns
 * the fallback, so binding carries on and finds the remaining problems.
 */
final class MapView {

    private final String path;
    private final int line;
    private final Map<String, YamlNode> entries;
    private final Problems problems;
    /** The node was not a map (already reported), so missing keys are not worth reporting too. */
    private final boolean wrongKind;

    private MapView(String path, int line, Map<String, YamlNode> entries, Problems problems, boolean wrongKind) {
        this.path = path;
        this.line = line;
        this.entries = entries;
        this.problems = problems;
        this.wrongKind = wrongKind;
    }

    /**
     * A view of {@code node}, which should be a map with only {@code knownKeys}. A missing or
     * null node gives an empty view; any other non-map is reported and also gives an empty view.
     */
    static MapView of(YamlNode node, String path, Problems problems, List<String> knownKeys) {
        if (node instanceof YamlNode.Mapping mapping) {
            MapView view = new MapView(path, node.line(), mapping.entries(), problems, false);
            view.reportUnknownKeys(knownKeys);
            return view;
        }
        boolean wrongKind = node != null && !isNull(node);
        if (wrongKind) {
            problems.report(node, "expected a map with keys " + String.join(", ", knownKeys) + ", found " + node.kind());
        }
        return new MapView(path, node == null ? 0 : node.line(), Map.of(), problems, wrongKind);
    }

    /** A view of the map under {@code key}. */
    MapView section(String key, List<String> knownKeys) {
        return of(node(key), childPath(key), problems, knownKeys);
    }

    /** A view of an entry of a user-named map (a provider, an agent, ...). */
    MapView entry(YamlNode node, List<String> knownKeys) {
        return of(node, node.path(), problems, knownKeys);
    }

    Problems problems() {
        return problems;
    }

    /** The entries of the user-named map under {@code key} (e.g. {@code agents}), in file order. */
    Map<String, YamlNode> names(String key) {
        YamlNode node = node(key);
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping.entries();
        }
        if (node != null) {
            problems.report(node, "expected a map of names, found " + node.kind());
        }
        return Map.of();
    }

    /** The node under {@code key}, or null when absent or written as an empty value. */
    YamlNode node(String key) {
        YamlNode node = entries.get(key);
        return node == null || isNull(node) ? null : node;
    }

    /** Reports each present key of {@code keys}, e.g. keys that do not apply to a provider type. */
    void reject(List<String> keys, String why) {
        keys.stream().map(entries::get).filter(node -> node != null)
                .forEach(node -> problems.report(node, why));
    }

    /** True when {@code key} is present; otherwise reports it as missing. */
    boolean require(String key) {
        return require(key, "");
    }

    /** As {@link #require(String)}, with {@code why} appended to the message. */
    boolean require(String key, String why) {
        if (node(key) != null) {
            return true;
        }
        if (!wrongKind) {
            problems.report(path, line, "missing required key '" + key + "'" + why);
        }
        return false;
    }

    /** A string value; empty counts as unset, so {@code ${VAR:-}} can switch a setting off. */
    String string(String key, String fallback) {
        YamlNode.Scalar scalar = scalar(key);
        return scalar == null || scalar.text().isEmpty() ? fallback : scalar.text();
    }

    /**
     * A string where, unlike {@link #string(String, String)}, empty is a value of its own (typically
     * "none"); {@code fallback} only when absent.
     */
    String verbatim(String key, String fallback) {
        YamlNode.Scalar scalar = scalar(key);
        return scalar == null ? fallback : scalar.text();
    }

    /** True when {@code key} has a value; empty counts as unset, as in {@link #string(String, String)}. */
    private boolean given(String key) {
        return node(key) != null && !(node(key) instanceof YamlNode.Scalar scalar && scalar.text().isEmpty());
    }

    /**
     * For two keys of which exactly one must be given (empty counts as not given): the one present,
     * or null after reporting that both or neither are.
     */
    String exactlyOne(String first, String second, String why) {
        boolean hasFirst = given(first);
        boolean hasSecond = given(second);
        if (hasFirst && hasSecond) {
            problems.report(node(second), "give either " + first + " or " + second + ", not both" + why);
        } else if (!hasFirst && !hasSecond && !wrongKind) {
            problems.report(path, line, "missing required key '" + first + "' or '" + second + "'" + why);
        }
        return hasFirst == hasSecond ? null : hasFirst ? first : second;
    }

    /** A string that must be present and non-empty; null after reporting when it is not. */
    String requiredString(String key) {
        if (!require(key)) {
            return null;
        }
        YamlNode.Scalar scalar = scalar(key);
        if (scalar != null && scalar.text().isBlank()) {
            problems.report(scalar, scalar.fromEnvironment()
                    ? "must not be empty, but " + scalar.shown() + " is empty" : "must not be empty");
            return null;
        }
        return scalar == null ? null : scalar.text();
    }

    /** A host name or IP address without port (IPv6 without brackets). */
    String host(String key, String fallback) {
        return parsed(key, fallback, "an address without port, e.g. 203.0.113.10", MapView::checkHost);
    }

    int integer(String key, int fallback, int minimum) {
        return parsed(key, fallback, "a whole number of at least " + minimum,
                text -> Numbers.wholeNumber(text, minimum));
    }

    /** A whole number within {@code minimum..maximum}. */
    int integer(String key, int fallback, int minimum, int maximum) {
        return parsed(key, fallback, "a whole number within " + minimum + ".." + maximum,
                text -> Numbers.wholeNumber(text, minimum, maximum));
    }

    /** As {@link #integer(String, int, int, int)}, but null when absent (or, after reporting, invalid). */
    Integer optionalInteger(String key, int minimum, int maximum) {
        return parsed(key, null, "a whole number within " + minimum + ".." + maximum,
                text -> Numbers.wholeNumber(text, minimum, maximum));
    }

    /** A number within {@code minimum..maximum}; null when absent (or, after reporting, invalid). */
    Double decimal(String key, double minimum, double maximum) {
        return parsed(key, null, "a number within " + minimum + ".." + maximum,
                text -> Numbers.decimal(text, minimum, maximum));
    }

    /** A positive duration such as {@code 3s}. */
    Duration duration(String key, Duration fallback) {
        return parsed(key, fallback, Durations.EXPECTED, MapView::positiveDuration);
    }

    /** A duration within {@code minimum..maximum}, or of at least {@code minimum} when {@code maximum} is null. */
    Duration duration(String key, Duration fallback, Duration minimum, Duration maximum) {
        String range = maximum == null ? "at least " + Durations.format(minimum)
                : "within " + Durations.format(minimum) + ".." + Durations.format(maximum);
        return parsed(key, fallback, (maximum == null ? "a duration of " : "a duration ") + range, text -> {
            Duration duration = Durations.parse(text);
            if (duration.compareTo(minimum) < 0 || maximum != null && duration.compareTo(maximum) > 0) {
                throw new IllegalArgumentException("must be " + range + ", found '" + text + "'");
            }
            return duration;
        });
    }

    HostPort hostPort(String key, HostPort fallback) {
        return parsed(key, fallback, "host:port, e.g. 0.0.0.0:5060", HostPort::parse);
    }

    PortRange portRange(String key, PortRange fallback) {
        return parsed(key, fallback, "first-last within 1024..65535, e.g. 20000-20999", PortRange::parse);
    }

    /** An absolute URL whose scheme is one of {@code schemes}. */
    String url(String key, String fallback, List<String> schemes) {
        String expected = "an absolute " + String.join(" or ", schemes) + " URL";
        return parsed(key, fallback, expected, text -> Urls.check(text, schemes));
    }

    /** One of {@code allowed}, case-insensitive, returned in lower case; {@code fallback} when absent or empty. */
    String choice(String key, String noun, List<String> allowed, String fallback) {
        YamlNode.Scalar scalar = scalar(key);
        return scalar == null || scalar.text().isEmpty() ? fallback : chosen(scalar, noun, allowed);
    }

    /** A non-empty list of distinct values from {@code allowed}, in the order written. */
    List<String> choices(String key, String noun, List<String> allowed, List<String> fallback) {
        List<YamlNode.Scalar> items = scalars(key);
        if (items == null) {
            return fallback;
        }
        List<String> chosen = new ArrayList<>();
        for (YamlNode.Scalar item : items) {
            String value = chosen(item, noun, allowed);
            if (value != null && chosen.contains(value)) {
                problems.report(item, noun + " '" + value + "' is listed twice");
            } else if (value != null) {
                chosen.add(value);
            }
        }
        if (items.isEmpty()) {
            problems.report(node(key), "needs at least one " + noun + " (allowed: " + String.join(", ", allowed) + ")");
        }
        return chosen.isEmpty() ? fallback : chosen;
    }

    /** The items of the list under {@code key}; null when absent, or (reported) when not a list. */
    List<YamlNode> items(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.report(node, "expected a list, e.g. [a, b], found " + node.kind());
            return null;
        }
        return sequence.items();
    }

    /** The single-value items of the list under {@code key}; null when absent, reported when not a list. */
    List<YamlNode.Scalar> scalars(String key) {
        List<YamlNode> list = items(key);
        if (list == null) {
            return null;
        }
        List<YamlNode.Scalar> items = new ArrayList<>();
        for (YamlNode item : list) {
            YamlNode.Scalar scalar = asScalar(item);
            if (scalar != null) {
                items.add(scalar);
            }
        }
        return items;
    }

    /** A map of single values, e.g. HTTP headers, in file order; empty when absent. */
    Map<String, YamlNode.Scalar> scalarMap(String key) {
        Map<String, YamlNode.Scalar> values = new LinkedHashMap<>();
        names(key).forEach((name, node) -> {
            YamlNode.Scalar scalar = asScalar(node);
            if (scalar != null) {
                values.put(name, scalar);
            }
        });
        return values;
    }

    /** Reports {@code scalar} unless it names one of {@code known}; returns whether it does. */
    boolean checkReference(YamlNode.Scalar scalar, String noun, Collection<String> known, String section) {
        if (known.contains(scalar.text())) {
            return true;
        }
        String hint = scalar.fromEnvironment() ? "" : Suggestions.didYouMean(scalar.text(), known);
        String defined = known.isEmpty() ? "none is defined under " + section + ":"
                : "defined: " + String.join(", ", known);
        problems.report(scalar, "unknown " + noun + " " + scalar.shown() + hint + " (" + defined + ")");
        return false;
    }

    /** The scalar under {@code key}; null when absent, unresolved or (reported) not a single value. */
    YamlNode.Scalar scalar(String key) {
        YamlNode node = node(key);
        return node == null ? null : asScalar(node);
    }

    /** Null for unresolved values (already reported) and, after reporting, for non-scalars and nulls. */
    private YamlNode.Scalar asScalar(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return scalar.unresolved() ? null : scalar;
        }
        problems.report(node, "expected a single value, found " + node.kind());
        return null;
    }

    private <T> T parsed(String key, T fallback, String expected, Function<String, T> parser) {
        return parse(scalar(key), fallback, expected, parser);
    }

    /**
     * {@code scalar} (e.g. a list item or a map value) parsed by {@code parser}; {@code fallback}
     * when it is null or empty, or after reporting the parser's complaint. Values from the
     * environment are not shown: their problem says what was {@code expected} instead.
     */
    <T> T parse(YamlNode.Scalar scalar, T fallback, String expected, Function<String, T> parser) {
        if (scalar == null || scalar.text().isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(scalar.text());
        } catch (IllegalArgumentException e) {
            problems.report(scalar, scalar.fromEnvironment()
                    ? scalar.shown() + " is invalid (expected " + expected + ")" : e.getMessage());
            return fallback;
        }
    }

    private String chosen(YamlNode.Scalar scalar, String noun, List<String> allowed) {
        String value = scalar.text().toLowerCase(Locale.ROOT);
        if (allowed.contains(value)) {
            return value;
        }
        String hint = scalar.fromEnvironment() ? "" : Suggestions.didYouMean(value, allowed);
        problems.report(scalar, "unknown " + noun + " " + scalar.shown() + hint
                + " (allowed: " + String.join(", ", allowed) + ")");
        return null;
    }

    private void reportUnknownKeys(List<String> knownKeys) {
        entries.forEach((key, node) -> {
            if (!knownKeys.contains(key)) {
                problems.report(node, "unknown key '" + key + "'" + Suggestions.didYouMean(key, knownKeys));
            }
        });
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.isNull();
    }

    private static Duration positiveDuration(String text) {
        Duration duration = Durations.parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("duration must be greater than 0, found '" + text + "'");
        }
        return duration;
    }

    private static String checkHost(String text) {
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '[')) {
            throw new IllegalArgumentException("invalid address '" + text + "' (expected e.g. 203.0.113.10 or ::1)");
        }
        if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            throw new IllegalArgumentException("'" + text + "' looks like host:port; give the address only");
        }
        return text;
    }
}
