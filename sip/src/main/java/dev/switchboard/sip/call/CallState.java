package dev.switchboard.sip.call;

/**
 * The state the call state machine works on: the phase, and while INVITED, which of the two things the answer
 * waits for are ready (the RTP socket bound and the agent session open; the call is answered when both are).
 */
public record CallState(Phase phase, boolean mediaReady, boolean agentReady) {

    public static final CallState INVITED = new CallState(Phase.INVITED, false, false);

    public CallState in(Phase next) {
        return new CallState(next, mediaReady, agentReady);
    }

    public CallState withMediaReady() {
        return new CallState(phase, true, agentReady);
    }

    public CallState withAgentReady() {
        return new CallState(phase, mediaReady, true);
    }
}
