package dev.switchboard.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A tool answered from a local lookup table instead of a webhook.
 *
 * @param file JSON or CSV file holding the rows, absolute and normalized; relative paths in the
 *             configuration are resolved against the configuration file's directory
 * @param key  the call argument whose value picks the row; required
 */
public record TableConfig(Path file, String key) {

    public TableConfig {
        file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        Objects.requireNonNull(key, "key");
    }
}
