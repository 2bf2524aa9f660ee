package dev.switchboard.sip.call;

/**
 * The state the call state machine works on: the phase; while INVITED, which of the two things the answer waits
 * for are ready (the RTP socket bound, and the agent session open — or failed, when the caller is to be answered
 * with the fallback); whether the agent has failed for good; and whether a ringing call whose agent fails is
 * rejected (503) instead of answered with the fallback.
 */
public record CallState(Phase phase, boolean mediaReady, boolean agentReady, boolean agentFailed,
        boolean rejectWhenAgentFails) {

    public static CallState invited(boolean rejectWhenAgentFails) {
        return new CallState(Phase.INVITED, false, false, false, rejectWhenAgentFails);
    }

    public CallState in(Phase next) {
        return new CallState(next, mediaReady, agentReady, agentFailed, rejectWhenAgentFails);
    }

    public CallState withMediaReady() {
        return new CallState(phase, true, agentReady, agentFailed, rejectWhenAgentFails);
    }

    public CallState withAgentReady() {
        return new CallState(phase, mediaReady, true, agentFailed, rejectWhenAgentFails);
    }

    /** The agent is gone for good; a ringing call is answered anyway, to hear the fallback. */
    public CallState withAgentFailed() {
        return new CallState(phase, mediaReady, true, true, rejectWhenAgentFails);
    }
}
