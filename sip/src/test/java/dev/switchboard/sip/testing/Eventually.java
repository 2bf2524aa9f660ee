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

    /** The first non-null value {@code supplier} gives within {@code timeout}. */
    public static <T> T value(Supplier<T> supplier, Duration timeout, String what) {
        Object[] found = new Object[1];
        await(() -> (found[0] = supplier.get()) != null, timeout, () -> "no " + what);
        @SuppressWarnings("unchecked")
        T value = (T) found[0];
        return value;
    }
}
