package dev.switchboard.sip.call;

/**
 * What the state machine asks the call to do, named as commands. {@link Call} carries them out in order.
 */
public sealed interface Effect {

    /** 180 Ringing. */
    record Ring() implements Effect {}

    /** Bind the RTP socket. */
    record OpenMedia() implements Effect {}

    /** Open the realtime session with the agent's provider. */
    record OpenAgent() implements Effect {}

    /** Send 200 OK with the SDP answer, and start audio both ways. */
    record Answer() implements Effect {}

    /** Reject the INVITE with a final error response. */
    record Reject(int status, String reason) implements Effect {}

    /** 200 to a CANCEL; then, if the INVITE is still pending, 487 Request Terminated to it (RFC 3261 §9.2). */
    record AcceptCancel(boolean terminateInvite) implements Effect {}

    /** 200 to the caller's BYE. */
    record AcceptBye() implements Effect {}

    /** Send our own BYE; {@code reason} says why the call is ending. */
    record SendBye(String reason) implements Effect {}

    /**
     * The agent cannot go on: give the caller the agent's fallback (an apology, then a hang-up or a transfer).
     * The fallback ends the call itself.
     */
    record Fallback(String reason) implements Effect {}

    record StartTimer(CallTimer timer) implements Effect {}

    record CancelTimer(CallTimer timer) implements Effect {}

    record CloseAgent() implements Effect {}

    record CloseMedia() implements Effect {}

    /**
     * The call is over: release what is left and write the call's summary. {@code reason} is {@code null} when an
     * earlier effect already said why.
     */
    record Finish(String reason) implements Effect {}
}
