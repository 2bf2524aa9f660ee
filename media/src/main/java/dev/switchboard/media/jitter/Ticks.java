package dev.switchboard.media.jitter;

/** Conversions between nanoseconds, milliseconds and ticks of an RTP clock. */
final class Ticks {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Ticks() {
    }

    /** Whole ticks in {@code nanos} (rounded towards minus infinity), without overflow for any call length. */
    static long fromNanos(long nanos, int clockRate) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long rest = Math.floorMod(nanos, NANOS_PER_SECOND);
        return seconds * clockRate + rest * clockRate / NANOS_PER_SECOND;
    }

    static long fromMillis(long millis, int clockRate) {
        return millis * clockRate / 1000;
    }

    static double toMillis(long ticks, int clockRate) {
        return ticks * 1000.0 / clockRate;
    }
}
