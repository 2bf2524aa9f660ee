package dev.switchboard.sip.call;

import java.util.Optional;

/** Finds the agent a dialed number reaches. */
@FunctionalInterface
public interface AgentDirectory {

    /** The agent for {@code dialedNumber} (the Request-URI's user part), or empty when none is configured. */
    Optional<AgentBinding> forNumber(String dialedNumber);
}
