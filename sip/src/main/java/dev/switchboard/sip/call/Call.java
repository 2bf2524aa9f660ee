package dev.switchboard.sip.call;

import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.tools.CallInfo;
import dev.switchboard.config.FallbackConfig;
import dev.switchboard.sip.bridge.CallBridge;
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
import dev.switchboard.sip.sdp.SdpException;
import dev.switchboard.sip.stack.SipBodies;
import dev.switchboard.sip.stack.SipLeg;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One phone call, from INVITE to the end: it feeds events to the {@link CallStateMachine} and carries out the
 * effects it returns.
 *
 * <pre>
 *  JAIN-SIP listener thread ──(translate, {@code loop.execute}, return)──┐
 *                                                                          ▼
 *  event loop k (chosen at INVITE) ─┬─ the call's state, timers ({@code loop.schedule}) and this object
 *                                   ├─ RTP socket and pacing tick (media engine)
 *                                   └─ provider WebSocket (agent session)
 *  virtual threads: SIP sends (SipLeg), which may block on TCP; tool calls
 * </pre>
 *
 * <p>Every field is touched only on the call's loop; the public {@code on…} methods and the {@link CallControl}
 * methods may be called from any thread and hand the work over to the loop.
 */
public final class Call implements CallControl {

    private static final Logger log = LoggerFactory.getLogger(Call.class);

    private final String callId;
    private final String name;
    private final EventLoop loop;
    private final CallServices services;
    private final AgentBinding binding;
    private final SipLeg leg;
    private final CallMedia media;
    private final CallBridge bridge;
    private final CallAgent agent;
    private final CallTransfer transfers;
    private final AfterSpeech afterSpeech;
    private final Consumer<Call> onFinished;
    private final Map<CallTimer, ScheduledFuture<?>> timers = new EnumMap<>(CallTimer.class);
    private final long startedNanos = System.nanoTime();
    private CallState state;
    private ScheduledFuture<?> holdPrompt;
    /** The BYE or CANCEL being handled, until an effect answers it. */
    private ServerTransaction pendingRequest;
    private String endReason;

    Call(String callId, CallSetup setup, CallServices services, EventLoop loop, Consumer<Call> onFinished) {
        this.callId = callId;
        this.name = "call " + shortId(callId);
        this.loop = loop;
        this.services = services;
        this.binding = setup.agent();
        this.leg = setup.leg();
        this.bridge = new CallBridge(name, binding.dtmf(), loop,
                () -> fire(new HangupRequested("no RTP or RTCP from the caller: the call is dead")));
        SessionConfig session = AgentFormats.choose(binding.profile().session(), binding.transport().capabilities(),
                setup.codec(), binding.audio());
        boolean localVad = !binding.transport().capabilities().serverVad();
        this.media = new CallMedia(name, services, setup, callId, session, localVad, bridge);
        CallInfo info = new CallInfo(callId, setup.caller(), setup.dialed(), binding.name());
        this.agent = new CallAgent(name, binding, session, info, services, loop, bridge, this, new AgentLifecycle());
        this.state = CallStateMachine.start(binding.recovery().then() == FallbackConfig.Then.REJECT).state();
        this.transfers = new CallTransfer(name, loop, leg,
                target -> fire(new HangupRequested("transferred to " + target)));
        this.afterSpeech = new AfterSpeech(loop, bridge::isAgentTalking);
        this.onFinished = onFinished;
    }

    public String callId() {
        return callId;
    }

    public String name() {
        return name;
    }

    /** The agent answering the call now (a handoff changes it). Read on the call's loop. */
    public String agentName() {
        return agent.currentAgent();
    }

    public long durationMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Starts the call: ring, and open media and agent. */
    void start() {
        loop.execute(() -> apply(CallStateMachine.start(state.rejectWhenAgentFails())));
    }

    /** The agent session's lifecycle, as the call reacts to it. */
    private final class AgentLifecycle implements CallAgent.Lifecycle {

        @Override
        public void ready() {
            fire(new AgentReady());
        }

        @Override
        public void failed(String reason) {
            log.warn("{}: agent {} on {} is gone: {}", name, agent.currentAgent(), binding.recovery().provider(), reason);
            fire(new AgentClosed(reason));
        }

        /** The caller may hear nothing while the provider is away: after a while, say why. */
        @Override
        public void reconnecting() {
            if (holdPrompt == null && binding.recovery().holdPrompt().length > 0) {
                holdPrompt = loop.schedule(() -> media.playPrompt("hold", binding.recovery().holdPrompt()),
                        binding.recovery().holdAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void reconnected() {
            if (holdPrompt != null) {
                holdPrompt.cancel(false);
                holdPrompt = null;
            }
        }
    }

    public void onAck(String sdp) {
        loop.execute(() -> {
            if (state.phase() == Phase.ANSWERING && !media.acceptAnswerInAck(sdp)) {
                fire(new Acked());
                fire(new HangupRequested("the ACK carried no usable SDP answer"));
                return;
            }
            fire(new Acked());
        });
    }

    public void onCancel(ServerTransaction transaction) {
        onRequest(transaction, new CancelReceived());
    }

    public void onBye(ServerTransaction transaction) {
        onRequest(transaction, new ByeReceived());
    }

    /**
     * A request the state machine answers through an effect (AcceptBye, AcceptCancel). If it takes no effect (the
     * call is already over) the request still gets an answer: 481 per RFC 3261 §15.1.2.
     */
    private void onRequest(ServerTransaction transaction, CallEvent event) {
        loop.execute(() -> {
            pendingRequest = transaction;
            fire(event);
            if (pendingRequest != null) {
                answerPending(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            }
        });
    }

    /**
     * Other requests inside the call: INFO (DTMF, RFC 2976 with {@code application/dtmf-relay}), NOTIFY (the
     * progress of our transfer, RFC 3515), and re-INVITEs, which get our current SDP so the session carries on.
     */
    public void onInDialogRequest(ServerTransaction transaction) {
        loop.execute(() -> {
            Request request = transaction.getRequest();
            switch (request.getMethod()) {
                case Request.INVITE -> reInvite(transaction);
                case Request.INFO -> {
                    leg.respond(transaction, Response.OK);
                    SipBodies.dtmfDigit(request).ifPresent(bridge::onDtmf);
                }
                case Request.NOTIFY -> {
                    leg.respond(transaction, Response.OK);
                    transfers.notified(SipBodies.sipfrag(request));
                }
                default -> leg.respond(transaction, Response.OK);
            }
        });
    }

    /** A re-INVITE: its offer is answered on the same stream (hold, resume, moved media), else 488. */
    private void reInvite(ServerTransaction transaction) {
        try {
            leg.answerReInvite(transaction, media.answerReOffer(SipBodies.sdp(transaction.getRequest())));
        } catch (SdpException e) {
            log.info("{}: re-INVITE refused: {}", name, e.getMessage());
            leg.respond(transaction, Response.NOT_ACCEPTABLE_HERE, e.getMessage());
        }
    }

    public void onReferAnswered(int status, String reason) {
        loop.execute(() -> transfers.referAnswered(status, reason));
    }

    public void onByeCompleted() {
        loop.execute(() -> fire(new ByeCompleted()));
    }

    public void onAckTimeout() {
        loop.execute(() -> fire(new TimerFired(CallTimer.ACK)));
    }

    /** Ends the call from our side, whatever its phase. */
    public void hangUp(String reason) {
        loop.execute(() -> fire(new HangupRequested(reason)));
    }

    @Override
    public void hangUpAfterSpeech(String reason) {
        loop.execute(() -> afterSpeech.then(() -> fire(new HangupRequested(reason))));
    }

    /** Transfers once the agent has finished announcing it, so the caller hears "transferring you" whole. */
    @Override
    public CompletableFuture<TransferOutcome> transfer(String target) {
        CompletableFuture<TransferOutcome> outcome = new CompletableFuture<>();
        loop.execute(() -> afterSpeech.then(() -> transfers.start(target, outcome)));
        return outcome;
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String digits) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        loop.execute(() -> media.sendDtmf(digits, sent));
        return sent;
    }

    private void fire(CallEvent event) {
        CallState before = state;
        Transition transition = CallStateMachine.next(state, event);
        if (transition.ignored(before)) {
            log.debug("{}: {} ignored in {}", name, event, before.phase());
            return;
        }
        if (transition.state().phase() != before.phase()) {
            log.debug("{}: {} -> {} on {}", name, before.phase(), transition.state().phase(), event);
        }
        apply(transition);
    }

    private void apply(Transition transition) {
        state = transition.state();
        for (Effect effect : transition.effects()) {
            run(effect);
        }
    }

    private void run(Effect effect) {
        switch (effect) {
            case Effect.Ring ring -> leg.ringing();
            case Effect.OpenMedia open -> openMedia();
            case Effect.OpenAgent open -> agent.open();
            case Effect.Answer answer -> leg.answer(media.answer());
            case Effect.Reject reject -> reject(reject);
            case Effect.AcceptCancel cancel -> acceptCancel(cancel);
            case Effect.AcceptBye bye -> answerPending(Response.OK);
            case Effect.SendBye bye -> {
                noteEnd(bye.reason());
                leg.bye(this::onByeCompleted);
            }
            case Effect.Fallback fallback -> fallback(fallback.reason());
            case Effect.StartTimer start -> startTimer(start.timer());
            case Effect.CancelTimer cancel -> cancelTimer(cancel.timer());
            case Effect.CloseAgent close -> agent.close();
            case Effect.CloseMedia close -> media.close();
            case Effect.Finish finish -> finish(finish.reason());
        }
    }

    /**
     * The agent is gone for good: the caller hears the agent's apology, then is hung up on or transferred. Caller
     * audio goes nowhere meanwhile.
     */
    private void fallback(String reason) {
        log.warn("{}: {}; falling back", name, reason);
        agent.close();
        bridge.attachAgent(null);
        Recovery recovery = binding.recovery();
        media.playPrompt("fallback", recovery.fallbackPrompt());
        afterSpeech.then(() -> {
            if (recovery.then() == FallbackConfig.Then.TRANSFER) {
                CompletableFuture<TransferOutcome> outcome = new CompletableFuture<>();
                transfers.start(recovery.transferTo(), outcome);
                outcome.thenAccept(done -> {
                    if (!done.transferred()) {
                        loop.execute(() -> fire(new HangupRequested(reason + "; transfer failed too")));
                    }
                });
            } else {
                fire(new HangupRequested(reason));
            }
        });
    }

    private void reject(Effect.Reject reject) {
        noteEnd(reject.reason());
        leg.reject(reject.status(), reject.reason(), reject.status() == Response.SERVICE_UNAVAILABLE ? 5 : 0);
    }

    private void answerPending(int status) {
        leg.respond(pendingRequest, status);
        pendingRequest = null;
    }

    private void acceptCancel(Effect.AcceptCancel cancel) {
        answerPending(Response.OK);
        if (cancel.terminateInvite()) {
            leg.reject(Response.REQUEST_TERMINATED, null, 0);
        }
    }

    private void openMedia() {
        Future<dev.switchboard.media.MediaSession> opening = services.media().open(loop, name, bridge);
        opening.addListener(f -> {
            if (!f.isSuccess()) {
                fire(new MediaFailed(f.cause().getMessage()));
            } else if (media.opened(opening.getNow())) {
                fire(new MediaOpened());
            }
        });
    }

    private void startTimer(CallTimer timer) {
        Duration after = switch (timer) {
            case AGENT_CONNECT -> binding.connectTimeout();
            case ACK -> services.ackTimeout();
            case BYE_RESPONSE -> CallServices.BYE_TIMEOUT;
        };
        cancelTimer(timer);
        timers.put(timer, loop.schedule(() -> fire(new TimerFired(timer)), after.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void cancelTimer(CallTimer timer) {
        ScheduledFuture<?> running = timers.remove(timer);
        if (running != null) {
            running.cancel(false);
        }
    }

    private void finish(String reason) {
        noteEnd(reason);
        timers.values().forEach(t -> t.cancel(false));
        timers.clear();
        afterSpeech.cancel();
        if (holdPrompt != null) {
            holdPrompt.cancel(false);
        }
        transfers.close();
        bridge.detach();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        log.info("{}: ended after {} s: {}; {}; interruptions {}; tokens {}", name, String.format("%.1f", seconds),
                endReason, media.summary(), bridge.bargeIns(), bridge.tokens());
        onFinished.accept(this);
    }

    private void noteEnd(String reason) {
        if (endReason == null && reason != null) {
            endReason = reason;
        }
    }

    /** The call's phase; for the admin API and tests. Read it on the call's loop. */
    public Phase phase() {
        return state.phase();
    }

    static String shortId(String callId) {
        return callId.length() <= 12 ? callId : callId.substring(0, 12);
    }
}
