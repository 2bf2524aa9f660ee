package dev.switchboard.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, located precisely enough to fix it without searching.
 *
 * @param source  the file name (or other source name) the text came from
 * @param path    dotted YAML path of the offending key, e.g. {@code agents.echo.provider} or
 *                {@code sip.transports[1]}; empty when the problem concerns the whole document
 * @param line    1-based line in {@code source}, or 0 when no line applies (e.g. an empty file)
 * @param message what is wrong; never contains the value of an environment variable
 */
public record ConfigProblem(String source, String path, int line, String message) {

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Compiler-style rendering, e.g. {@code demo.yaml:7: agents.echo.provder: unknown key 'provder'}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
