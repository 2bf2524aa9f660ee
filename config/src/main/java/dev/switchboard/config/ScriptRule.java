package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of an agent's {@code script:}, which only the local provider runs: when what the
 * caller keyed (or said) matches {@code when}, optionally speak, call a tool, and speak again.
 * At least one of {@code call}, {@code before} and {@code say} is set.
 *
 * @param when     Java regular expression, known to compile with {@link ScriptPattern#compile}; its named
 *                 groups (snake_case allowed) are the values the rule has to work with
 * @param call     tool to call, one the agent lists in its {@code tools}; null for none
 * @param args     fixed string arguments added to the call, in file order; empty when none
 * @param before   spoken before the call; may be null
 * @param say      spoken after the tool's result, with {@code {name}} placeholders; may be null
 * @param sayError spoken instead of {@code say} when the tool returned an error; may be null
 */
public record ScriptRule(String when, String call, Map<String, String> args, String before, String say,
                         String sayError) {

    public ScriptRule {
        Objects.requireNonNull(when, "when");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args == null ? Map.of() : args));
    }
}
