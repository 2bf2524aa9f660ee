package dev.switchboard.sip.stack;

/**
 * A token bucket: {@code rate} tokens per second, holding at most {@code burst}. Not thread-safe; the caller
 * confines each bucket to one update at a time.
 */
final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(double ratePerSecond, double burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one token if one is available. */
    boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * ratePerNano);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket has been full long enough that forgetting it changes nothing. */
    boolean isIdle(long nowNanos) {
        return tokens + (nowNanos - lastNanos) * ratePerNano >= burst;
    }
}
