package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that loaded, with the warnings found on the way: settings that are valid but have
 * no effect, such as an agent key its provider type ignores. Warnings do not stop the server; they are
 * meant for its start-up log and for {@code check-config}, so a setting that does nothing is noticed.
 *
 * @param config   the configuration
 * @param warnings in file order, each located like an error ({@code demo.yaml:12: agents.a.temperature:
 *                 ...}); empty when there are none
 */
public record LoadedConfig(SwitchboardConfig config, List<ConfigProblem> warnings) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        warnings = List.copyOf(warnings);
    }
}
