package dev.switchboard.sip.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, for state that has no event to wait on (a counter, a registry). */
public final class Eventually {

    private Eventually() {}

    public static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + ": " + what.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }
}
