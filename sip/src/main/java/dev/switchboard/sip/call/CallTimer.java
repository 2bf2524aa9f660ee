package dev.switchboard.sip.call;

/** The call's timers; their durations come from configuration. */
public enum CallTimer {
    /** How long the agent session may take to open before the caller is turned away. */
    AGENT_CONNECT,
    /** How long the 200 OK may go unacknowledged (RFC 3261 §13.3.1.4: 64*T1 = 32 s). */
    ACK,
    /** How long our BYE may go unanswered before the call is dropped anyway (§17.1.2.2: 64*T1). */
    BYE_RESPONSE
}
