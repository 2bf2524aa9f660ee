package dev.switchboard.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one load, so all of them are reported together. */
final class Problems {

    private final String source;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void report(YamlNode at, String message) {
        report(at.path(), at.line(), message);
    }

    void report(String path, int line, String message) {
        found.add(new ConfigProblem(source, path, line, message));
    }

    /** Throws one exception listing all problems in file order, if there are any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            List<ConfigProblem> inFileOrder = new ArrayList<>(found);
            inFileOrder.sort(Comparator.comparingInt(ConfigProblem::line));
            throw new ConfigException(inFileOrder);
        }
    }
}
