package dev.switchboard.sip.call;

/**
 * Something that happened to a call, as the state machine sees it: facts, in the past tense, stripped of the
 * SIP, media and provider objects behind them.
 */
public sealed interface CallEvent {

    record MediaOpened() implements CallEvent {}

    record MediaFailed(String reason) implements CallEvent {}

    record AgentReady() implements CallEvent {}

    /** The agent session ended or could not open. */
    record AgentClosed(String reason) implements CallEvent {}

    record Acked() implements CallEvent {}

    record CancelReceived() implements CallEvent {}

    record ByeReceived() implements CallEvent {}

    /** Our BYE was answered or timed out. */
    record ByeCompleted() implements CallEvent {}

    record TimerFired(CallTimer timer) implements CallEvent {}

    /** Something on our side wants the call over: shutdown, an admin request, the agent's end_call. */
    record HangupRequested(String reason) implements CallEvent {}
}
