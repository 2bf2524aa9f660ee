package dev.switchboard.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of one load, so all of them are reported together, and the warnings: settings
 * that are valid but have no effect (e.g. a key the agent's provider type ignores), which do not stop
 * the load but should not pass silently either.
 */
final class Problems {

    private final String source;
    private final List<ConfigProblem> found = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void report(YamlNode at, String message) {
        report(at.path(), at.line(), message);
    }

    void report(String path, int line, String message) {
        found.add(new ConfigProblem(source, path, line, message));
    }

    void warn(YamlNode at, String message) {
        warnings.add(new ConfigProblem(source, at.path(), at.line(), message));
    }

    /** Throws one exception listing all problems in file order, if there are any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(inFileOrder(found));
        }
    }

    /** The warnings in file order. */
    List<ConfigProblem> warnings() {
        return inFileOrder(warnings);
    }

    private static List<ConfigProblem> inFileOrder(List<ConfigProblem> problems) {
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line));
        return List.copyOf(sorted);
    }
}
