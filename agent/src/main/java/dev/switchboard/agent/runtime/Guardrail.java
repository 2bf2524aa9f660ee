package dev.switchboard.agent.runtime;

import java.util.Optional;

/**
 * A check of what the agent is saying. It sees the transcript of the agent's current item so far and names the
 * rule it breaks, if any. It runs off the event loop, so it may take its time (a regex, a moderation call).
 */
@FunctionalInterface
public interface Guardrail {

    Optional<String> check(String transcript);
}
