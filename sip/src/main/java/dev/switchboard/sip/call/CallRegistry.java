package dev.switchboard.sip.call;

import dev.switchboard.sip.stack.SipCallRouter;
import dev.switchboard.sip.stack.SipLeg;
import io.netty.channel.EventLoop;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Response;

/**
 * The live calls, by Call-ID, and the router that hands SIP requests to them. Runs on the JAIN-SIP listener
 * thread and only hands events over to each call's loop.
 */
public final class CallRegistry implements SipCallRouter {

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong admitted = new AtomicLong();
    private volatile CompletableFuture<Void> drained;
    private final CallServices services;
    private final InviteAdmission admission;
    private final Supplier<EventLoop> loops;

    /**
     * @param loops picks the event loop for each new call (the media engine's round robin)
     */
    public CallRegistry(CallServices services, int maxCalls, Supplier<EventLoop> loops) {
        this.services = services;
        this.admission = new InviteAdmission(services, maxCalls);
        this.loops = loops;
    }

    @Override
    public void invite(ServerTransaction transaction) {
        String callId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        String name = "call " + Call.shortId(callId);
        if (calls.containsKey(callId)) {
            // RFC 3261 §8.2.2.2: a second dialog-creating INVITE on a live Call-ID is a loop or a merged request.
            new SipLeg(name, services.sip(), transaction).reject(Response.LOOP_DETECTED, "Call-ID already in use", 0);
            return;
        }
        Optional<CallSetup> setup = admission.admit(name, transaction, calls.size());
        if (setup.isEmpty()) {
            return;
        }
        Call call = new Call(callId, setup.get(), services, loops.get(), this::finished);
        calls.put(callId, call);
        admitted.incrementAndGet();
        call.start();
    }

    private void finished(Call call) {
        calls.remove(call.callId(), call);
        CompletableFuture<Void> waiting = drained;
        if (waiting != null && calls.isEmpty()) {
            waiting.complete(null);
        }
    }

    @Override
    public boolean reInvite(String callId, ServerTransaction transaction) {
        return with(callId, call -> call.onInDialogRequest(transaction));
    }

    @Override
    public boolean ack(String callId, String body) {
        return with(callId, call -> call.onAck(body));
    }

    @Override
    public boolean bye(String callId, ServerTransaction transaction) {
        return with(callId, call -> call.onBye(transaction));
    }

    @Override
    public boolean cancel(String callId, ServerTransaction transaction) {
        return with(callId, call -> call.onCancel(transaction));
    }

    @Override
    public boolean info(String callId, ServerTransaction transaction) {
        return with(callId, call -> call.onInDialogRequest(transaction));
    }

    @Override
    public boolean notify(String callId, ServerTransaction transaction) {
        return with(callId, call -> call.onInDialogRequest(transaction));
    }

    @Override
    public void referAnswered(String callId, int status, String reason) {
        with(callId, call -> call.onReferAnswered(status, reason));
    }

    @Override
    public void byeCompleted(String callId) {
        with(callId, Call::onByeCompleted);
    }

    @Override
    public void ackTimedOut(String callId) {
        with(callId, Call::onAckTimeout);
    }

    private boolean with(String callId, Consumer<Call> action) {
        Call call = calls.get(callId);
        if (call == null) {
            return false;
        }
        action.accept(call);
        return true;
    }

    /** Live calls. */
    public Collection<Call> calls() {
        return calls.values();
    }

    public int size() {
        return calls.size();
    }

    /** Calls admitted since start. */
    public long admittedCalls() {
        return admitted.get();
    }

    /** Hangs up every call and completes once none is left (shutdown). */
    public CompletableFuture<Void> hangUpAll(String reason) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        drained = done;
        calls.values().forEach(call -> call.hangUp(reason));
        if (calls.isEmpty()) {
            done.complete(null);
        }
        return done;
    }

    /** The live call with this Call-ID. */
    public Optional<Call> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }
}
