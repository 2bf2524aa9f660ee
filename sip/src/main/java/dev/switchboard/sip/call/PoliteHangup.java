package dev.switchboard.sip.call;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Hangs up once the agent has finished speaking, so a goodbye is heard to its end (end_call): checks every
 * {@link #CHECK_MILLIS} whether the agent is still talking, and gives up waiting after {@link #MAX_WAIT_MILLIS}.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class PoliteHangup {

    static final long CHECK_MILLIS = 100;
    static final long MAX_WAIT_MILLIS = 20_000;

    private final EventLoop loop;
    private final BooleanSupplier agentTalking;
    private ScheduledFuture<?> check;

    PoliteHangup(EventLoop loop, BooleanSupplier agentTalking) {
        this.loop = loop;
        this.agentTalking = agentTalking;
    }

    void request(Runnable hangUp) {
        if (check != null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        check = loop.scheduleAtFixedRate(() -> {
            if (!agentTalking.getAsBoolean() || System.nanoTime() > deadline) {
                cancel();
                hangUp.run();
            }
        }, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void cancel() {
        if (check != null) {
            check.cancel(false);
        }
    }
}
