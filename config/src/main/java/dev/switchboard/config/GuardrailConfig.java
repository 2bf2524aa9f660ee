package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code guardrails:} section of an agent: patterns the agent's own speech must not match,
 * checked on its transcript while it speaks.
 *
 * @param checkEvery characters of agent transcript between checks, 10..10000; default 100
 * @param deny       Java regular expressions, each known to compile; at least one
 * @param message    what the model is told when a pattern matches; null means the runtime's default
 */
public record GuardrailConfig(int checkEvery, List<String> deny, String message) {

    public static final int DEFAULT_CHECK_EVERY = 100;
    public static final int MIN_CHECK_EVERY = 10;
    public static final int MAX_CHECK_EVERY = 10_000;

    public GuardrailConfig {
        deny = List.copyOf(Objects.requireNonNull(deny, "deny"));
    }
}
