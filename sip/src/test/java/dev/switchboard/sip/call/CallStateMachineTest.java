package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/** The call state machine, walked step by step: the state and the effects after every event. */
class CallStateMachineTest {

    private CallState state;

    private List<Effect> on(CallEvent event) {
        Transition transition = CallStateMachine.next(state, event);
        state = transition.state();
        return transition.effects();
    }

    private void invited() {
        invited(false);
    }

    private void invited(boolean rejectWhenAgentFails) {
        Transition start = CallStateMachine.start(rejectWhenAgentFails);
        state = start.state();
        assertEquals(List.of(new Ring(), new OpenMedia(), new OpenAgent(), new StartTimer(CallTimer.AGENT_CONNECT)),
                start.effects());
    }

    private void active() {
        invited();
        on(new MediaOpened());
        on(new AgentReady());
        on(new Acked());
        assertEquals(Phase.ACTIVE, state.phase());
    }

    @Test
    void answersOnlyOnceBothMediaAndAgentAreReady() {
        invited();
        assertEquals(List.of(), on(new AgentReady()));
        assertEquals(Phase.INVITED, state.phase());
        assertEquals(List.of(new CancelTimer(CallTimer.AGENT_CONNECT), new Answer(), new StartTimer(CallTimer.ACK)),
                on(new MediaOpened()));
        assertEquals(Phase.ANSWERING, state.phase());
        assertEquals(List.of(new CancelTimer(CallTimer.ACK)), on(new Acked()));
        assertEquals(Phase.ACTIVE, state.phase());
    }

    @Test
    void answersWhicheverBecomesReadyLast() {
        invited();
        assertEquals(List.of(), on(new MediaOpened()));
        assertTrue(on(new AgentReady()).contains(new Answer()));
        assertEquals(Phase.ANSWERING, state.phase());
    }

    @Test
    void cancelWhileRingingTerminatesTheInvite() {
        invited();
        assertEquals(List.of(new AcceptCancel(true), new CancelTimer(CallTimer.AGENT_CONNECT), new CloseAgent(),
                new CloseMedia(), new Finish("cancelled by caller")), on(new CancelReceived()));
        assertEquals(Phase.TERMINATED, state.phase());
    }

    @Test
    void anAgentThatFailsOrTimesOutGets503WhenSoConfigured() {
        invited(true);
        List<Effect> effects = on(new AgentClosed("refused"));
        assertEquals(new Reject(503, "agent unavailable: refused"), effects.get(0));
        assertTrue(effects.contains(new CloseMedia()));
        assertEquals(Phase.TERMINATED, state.phase());

        invited(true);
        assertEquals(new Reject(503, "agent did not connect in time"),
                on(new TimerFired(CallTimer.AGENT_CONNECT)).get(0));

        invited();
        assertEquals(new Reject(503, "no port"), on(new MediaFailed("no port")).get(0), "no media, no fallback");
    }

    @Test
    void aRingingCallWhoseAgentFailsIsAnsweredWithTheFallback() {
        invited();
        on(new MediaOpened());
        assertEquals(List.of(new CloseAgent(), new CancelTimer(CallTimer.AGENT_CONNECT), new Answer(),
                new StartTimer(CallTimer.ACK), new Fallback("the agent could not be reached")),
                on(new AgentClosed("401 refused")));
        assertEquals(Phase.ANSWERING, state.phase());
        assertEquals(List.of(new CancelTimer(CallTimer.ACK)), on(new Acked()));
    }

    @Test
    void aTimedOutAgentWaitsForMediaThenGetsTheFallback() {
        invited();
        assertEquals(List.of(new CloseAgent()), on(new TimerFired(CallTimer.AGENT_CONNECT)));
        assertEquals(Phase.INVITED, state.phase());
        assertTrue(on(new MediaOpened()).contains(new Fallback("the agent could not be reached")));
        assertEquals(Phase.ANSWERING, state.phase());
    }

    @Test
    void anAgentFailingMidCallHandsOverToTheFallbackOnce() {
        active();
        assertEquals(List.of(new Fallback("agent session ended: keys refused")), on(new AgentClosed("keys refused")));
        assertEquals(Phase.ACTIVE, state.phase(), "the fallback ends the call itself");
        assertEquals(List.of(), on(new AgentClosed("again")));
        assertTrue(on(new ByeReceived()).contains(new AcceptBye()));
    }

    @Test
    void aMissingAckEndsTheCallWithBye() {
        invited();
        on(new MediaOpened());
        on(new AgentReady());
        List<Effect> effects = on(new TimerFired(CallTimer.ACK));
        assertEquals(Phase.TERMINATING, state.phase());
        assertTrue(effects.contains(new SendBye("no ACK for our 200 OK")), effects.toString());
        assertTrue(effects.contains(new StartTimer(CallTimer.BYE_RESPONSE)));
        assertEquals(List.of(new CancelTimer(CallTimer.BYE_RESPONSE), new CloseAgent(), new CloseMedia(),
                new Finish(null)), on(new ByeCompleted()));
        assertEquals(Phase.TERMINATED, state.phase());
    }

    @Test
    void theCallersByeEndsTheCall() {
        active();
        assertEquals(List.of(new AcceptBye(), new CloseAgent(), new CloseMedia(), new Finish("caller hung up")),
                on(new ByeReceived()));
        assertEquals(Phase.TERMINATED, state.phase());
    }

    @Test
    void ourByeIsGivenUpOnAfterItsTimer() {
        active();
        on(new HangupRequested("admin"));
        assertEquals(Phase.TERMINATING, state.phase());
        List<Effect> effects = on(new TimerFired(CallTimer.BYE_RESPONSE));
        assertEquals(Phase.TERMINATED, state.phase());
        assertTrue(effects.contains(new Finish(null)));
    }

    @Test
    void byeGlareWhileTerminatingIsAnswered() {
        active();
        on(new HangupRequested("shutdown"));
        assertTrue(on(new ByeReceived()).contains(new AcceptBye()));
        assertEquals(Phase.TERMINATED, state.phase());
    }

    @Test
    void cancelAfterTheAnswerIsAcknowledgedWithoutEffectOnTheCall() {
        active();
        assertEquals(List.of(new AcceptCancel(false)), on(new CancelReceived()));
        assertEquals(Phase.ACTIVE, state.phase());
    }

    @Test
    void eventsThatMakeNoSenseAreIgnored() {
        active();
        CallState before = state;
        assertTrue(CallStateMachine.next(state, new MediaOpened()).ignored(before));
        assertTrue(CallStateMachine.next(state, new Acked()).ignored(before));
        on(new ByeReceived());
        CallState terminated = state;
        for (CallEvent late : List.of(new ByeReceived(), new AgentClosed("x"), new Acked(),
                new TimerFired(CallTimer.ACK), new HangupRequested("y"), new CancelReceived())) {
            assertTrue(CallStateMachine.next(terminated, late).ignored(terminated), late.toString());
        }
    }

    @Test
    void aFailedAgentWhileAnsweringAlsoFallsBack() {
        invited();
        on(new MediaOpened());
        on(new AgentReady());
        assertEquals(List.of(new Fallback("agent session ended: gone")), on(new AgentClosed("gone")));
        assertEquals(Phase.ANSWERING, state.phase());
    }

    @Test
    void hangupWhileRingingRejects() {
        invited();
        assertEquals(new Reject(503, "server shutting down"), on(new HangupRequested("server shutting down")).get(0));
        assertEquals(Phase.TERMINATED, state.phase());
    }
}
