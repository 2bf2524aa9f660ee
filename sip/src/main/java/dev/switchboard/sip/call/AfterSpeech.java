package dev.switchboard.sip.call;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs actions once the agent has finished speaking, so that what it says before hanging up or transferring
 * ("Goodbye", "Transferring you now") is heard to its end: checks every {@link #CHECK_MILLIS} whether the agent
 * is still talking, and stops waiting after {@link #MAX_WAIT_MILLIS}.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class AfterSpeech {

    static final long CHECK_MILLIS = 100;
    static final long MAX_WAIT_MILLIS = 20_000;

    private final EventLoop loop;
    private final BooleanSupplier agentTalking;
    private final List<Runnable> waiting = new ArrayList<>();
    private ScheduledFuture<?> check;
    private long deadlineNanos;

    AfterSpeech(EventLoop loop, BooleanSupplier agentTalking) {
        this.loop = loop;
        this.agentTalking = agentTalking;
    }

    void then(Runnable action) {
        waiting.add(action);
        if (check == null) {
            deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
            check = loop.scheduleAtFixedRate(this::runIfSilent, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void runIfSilent() {
        if (agentTalking.getAsBoolean() && System.nanoTime() < deadlineNanos) {
            return;
        }
        List<Runnable> actions = new ArrayList<>(waiting);
        cancel();
        actions.forEach(Runnable::run);
    }

    void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
        waiting.clear();
    }
}
