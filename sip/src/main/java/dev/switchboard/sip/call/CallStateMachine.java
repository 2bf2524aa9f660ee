package dev.switchboard.sip.call;

import dev.switchboard.sip.call.CallEvent.Acked;
import dev.switchboard.sip.call.CallEvent.AgentClosed;
import dev.switchboard.sip.call.CallEvent.AgentReady;
import dev.switchboard.sip.call.CallEvent.ByeCompleted;
import dev.switchboard.sip.call.CallEvent.ByeReceived;
import dev.switchboard.sip.call.CallEvent.CancelReceived;
import dev.switchboard.sip.call.CallEvent.HangupRequested;
import dev.switchboard.sip.call.CallEvent.MediaFailed;
import dev.switchboard.sip.call.CallEvent.MediaOpened;
import dev.switchboard.sip.call.CallEvent.TimerFired;
import dev.switchboard.sip.call.Effect.AcceptBye;
import dev.switchboard.sip.call.Effect.AcceptCancel;
import dev.switchboard.sip.call.Effect.Answer;
import dev.switchboard.sip.call.Effect.CancelTimer;
import dev.switchboard.sip.call.Effect.CloseAgent;
import dev.switchboard.sip.call.Effect.CloseMedia;
import dev.switchboard.sip.call.Effect.Fallback;
import dev.switchboard.sip.call.Effect.Finish;
import dev.switchboard.sip.call.Effect.OpenAgent;
import dev.switchboard.sip.call.Effect.OpenMedia;
import dev.switchboard.sip.call.Effect.Reject;
import dev.switchboard.sip.call.Effect.Ring;
import dev.switchboard.sip.call.Effect.SendBye;
import dev.switchboard.sip.call.Effect.StartTimer;
import java.util.List;

/**
 * The life of a call as a pure function: {@code (state, event) -> (state', effects)}. No I/O, no clock, no
 * exceptions; an event that makes no sense in a state leaves it unchanged with no effects.
 *
 * <pre>
 *   INVITED --(media bound + agent ready)--> ANSWERING --ACK--> ACTIVE
 *      |  CANCEL / agent failed / timeout         |  BYE           | BYE (theirs): 200, done
 *      v  (487 / 503)                             v                | agent gone / hang-up: our BYE
 *   TERMINATED <----------------------------------+--- TERMINATING <+
 * </pre>
 *
 * <p>The agent session is opened at INVITE time, so a greeting can be ready the moment the call is answered, and
 * the caller hears ringing (180) until then. An agent that cannot be reached, or fails for good mid-call, gets
 * the caller its fallback — an apology, then a hang-up or a transfer — never dead air; or, when so configured for
 * a ringing call, a 503.
 */
public final class CallStateMachine {

    private CallStateMachine() {}

    /**
     * What a new call does: ring, bind its RTP socket, open the agent, and bound how long that may take.
     *
     * @param rejectWhenAgentFails a ringing call whose agent fails gets 503 instead of being answered with the
     *                             fallback
     */
    public static Transition start(boolean rejectWhenAgentFails) {
        return new Transition(CallState.invited(rejectWhenAgentFails), List.of(
                new Ring(), new OpenMedia(), new OpenAgent(), new StartTimer(CallTimer.AGENT_CONNECT)));
    }

    public static Transition next(CallState state, CallEvent event) {
        return switch (state.phase()) {
            case INVITED -> invited(state, event);
            case ANSWERING -> answering(state, event);
            case ACTIVE -> active(state, event);
            case TERMINATING -> terminating(state, event);
            case TERMINATED -> Transition.stay(state);
        };
    }

    private static Transition invited(CallState state, CallEvent event) {
        return switch (event) {
            case MediaOpened m -> answerWhenReady(state.withMediaReady());
            case AgentReady a -> answerWhenReady(state.withAgentReady());
            case MediaFailed failed -> refuse(state, 503, failed.reason());
            case AgentClosed closed -> agentFailedWhileRinging(state, "agent unavailable: " + closed.reason());
            case TimerFired t when t.timer() == CallTimer.AGENT_CONNECT ->
                    agentFailedWhileRinging(state, "agent did not connect in time");
            case CancelReceived c -> finished(state, "cancelled by caller",
                    new AcceptCancel(true), new CancelTimer(CallTimer.AGENT_CONNECT));
            case HangupRequested hangup -> refuse(state, 503, hangup.reason());
            default -> Transition.stay(state);
        };
    }

    private static Transition answerWhenReady(CallState state) {
        if (!state.mediaReady() || !state.agentReady()) {
            return new Transition(state, List.of());
        }
        List<Effect> effects = new java.util.ArrayList<>(List.of(
                new CancelTimer(CallTimer.AGENT_CONNECT), new Answer(), new StartTimer(CallTimer.ACK)));
        if (state.agentFailed()) {
            effects.add(new Fallback("the agent could not be reached"));
        }
        return new Transition(state.in(Phase.ANSWERING), effects);
    }

    /**
     * The agent failed before the call was answered: a 503 when so configured, else the call is answered (once
     * the RTP socket is bound) so the caller hears the fallback rather than a bare error.
     */
    private static Transition agentFailedWhileRinging(CallState state, String reason) {
        if (state.rejectWhenAgentFails()) {
            return refuse(state, 503, reason);
        }
        Transition answer = answerWhenReady(state.withAgentFailed());
        List<Effect> effects = new java.util.ArrayList<>(List.of(new CloseAgent()));
        effects.addAll(answer.effects());
        return new Transition(answer.state(), effects);
    }

    private static Transition refuse(CallState state, int status, String reason) {
        return finished(state, reason, new Reject(status, reason), new CancelTimer(CallTimer.AGENT_CONNECT));
    }

    private static Transition answering(CallState state, CallEvent event) {
        return switch (event) {
            case Acked a -> new Transition(state.in(Phase.ACTIVE), List.of(new CancelTimer(CallTimer.ACK)));
            case TimerFired t when t.timer() == CallTimer.ACK -> hangUp(state, "no ACK for our 200 OK");
            case ByeReceived b -> finished(state, "caller hung up", new AcceptBye(), new CancelTimer(CallTimer.ACK));
            case CancelReceived c -> new Transition(state, List.of(new AcceptCancel(false)));
            case AgentClosed closed -> agentFailed(state, closed.reason());
            case HangupRequested hangup -> hangUp(state, hangup.reason());
            default -> Transition.stay(state);
        };
    }

    /** The agent failed for good mid-call (once only): the fallback takes over and ends the call. */
    private static Transition agentFailed(CallState state, String reason) {
        if (state.agentFailed()) {
            return Transition.stay(state);
        }
        return new Transition(state.withAgentFailed(), List.of(new Fallback("agent session ended: " + reason)));
    }

    private static Transition active(CallState state, CallEvent event) {
        return switch (event) {
            case ByeReceived b -> finished(state, "caller hung up", new AcceptBye());
            case CancelReceived c -> new Transition(state, List.of(new AcceptCancel(false)));
            case AgentClosed closed -> agentFailed(state, closed.reason());
            case HangupRequested hangup -> hangUp(state, hangup.reason());
            default -> Transition.stay(state);
        };
    }

    private static Transition terminating(CallState state, CallEvent event) {
        return switch (event) {
            case ByeCompleted b -> finished(state, null, new CancelTimer(CallTimer.BYE_RESPONSE));
            case TimerFired t when t.timer() == CallTimer.BYE_RESPONSE -> finished(state, null);
            case ByeReceived b -> finished(state, null, new AcceptBye(), new CancelTimer(CallTimer.BYE_RESPONSE));
            default -> Transition.stay(state);
        };
    }

    /** Our side ends an answered call: BYE, stop audio and agent, and wait (bounded) for the BYE's answer. */
    private static Transition hangUp(CallState state, String reason) {
        return new Transition(state.in(Phase.TERMINATING), List.of(
                new CancelTimer(CallTimer.ACK), new SendBye(reason), new CloseAgent(), new CloseMedia(),
                new StartTimer(CallTimer.BYE_RESPONSE)));
    }

    /**
     * Ends the call now: the given SIP effects, then close everything and finish. A {@code null} reason means the
     * reason was already given by an earlier effect (our BYE).
     */
    private static Transition finished(CallState state, String reason, Effect... sipEffects) {
        List<Effect> effects = new java.util.ArrayList<>(List.of(sipEffects));
        effects.add(new CloseAgent());
        effects.add(new CloseMedia());
        effects.add(new Finish(reason));
        return new Transition(state.in(Phase.TERMINATED), effects);
    }
}
