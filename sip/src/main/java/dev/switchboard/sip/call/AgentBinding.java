package dev.switchboard.sip.call;

import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.SessionConfig;
import java.time.Duration;

/**
 * The agent a dialed number reaches: its provider's transport, the session it opens, and how long opening may
 * take before the caller is turned away.
 */
public record AgentBinding(String name, RealtimeTransport transport, SessionConfig session, Duration connectTimeout) {}
