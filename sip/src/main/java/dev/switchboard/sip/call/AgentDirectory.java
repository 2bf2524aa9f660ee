package dev.switchboard.sip.call;

import java.util.Optional;

/** Finds agents: by the number a caller dialed, and by name (for handoffs). */
public interface AgentDirectory {

    /** The agent for {@code dialedNumber} (the Request-URI's user part), or empty when none is configured. */
    Optional<AgentBinding> forNumber(String dialedNumber);

    /** The agent called {@code name}. */
    Optional<AgentBinding> named(String name);
}
