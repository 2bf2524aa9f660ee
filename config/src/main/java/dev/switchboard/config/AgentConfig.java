package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One entry under {@code agents:}: a persona that answers calls.
 *
 * @param provider       name of an entry under {@code providers:}; required
 * @param mode           provider-specific mode (e.g. {@code echo} for the local engine); may be null
 * @param voice          provider voice name; null means the provider's default
 * @param instructions   system prompt; may be null
 * @param tools          names of tools under {@code tools:} or {@link ToolConfig#BUILT_INS}; default empty
 * @param greeting       what the agent says first when a call is answered; null means it waits for
 *                       the caller
 * @param connectTimeout how long to wait for the provider session before giving up on a call;
 *                       default 5 s
 */
public record AgentConfig(String provider, String mode, String voice, String instructions,
                          List<String> tools, String greeting, Duration connectTimeout) {

    /** Used when {@code connect_timeout} is absent. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public AgentConfig {
        Objects.requireNonNull(provider, "provider");
        tools = List.copyOf(tools);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }
}
