package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code media.jitter_buffer:} section: how much the caller's audio is delayed to even out the
 * variation in packet arrival times (RFC 3550 §6.4.1 interarrival jitter) before it is played to the
 * agent. The delay adapts to the jitter measured on the call, staying within {@code min..max}.
 *
 * @param min the smallest (and initial) playout delay; default {@link #DEFAULT_MIN}; 0 lets the delay
 *            drop to nothing on a jitter-free path
 * @param max the largest playout delay; packets arriving later than this are dropped as lost;
 *            default {@link #DEFAULT_MAX}
 */
public record JitterBufferConfig(Duration min, Duration max) {

    public static final Duration DEFAULT_MIN = Duration.ofMillis(20);
    public static final Duration DEFAULT_MAX = Duration.ofMillis(200);
    /** The largest {@code max} accepted (and so also the largest {@code min}). */
    public static final Duration LIMIT = Duration.ofSeconds(1);
    /** The smallest {@code max} accepted: one 20 ms packet, the usual telephony packetization. */
    public static final Duration SMALLEST_MAX = Duration.ofMillis(20);

    public JitterBufferConfig {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("need 0 <= min <= max, got min " + min + ", max " + max);
        }
    }

    /** The configuration used when the {@code jitter_buffer:} section is absent. */
    public static JitterBufferConfig defaults() {
        return new JitterBufferConfig(DEFAULT_MIN, DEFAULT_MAX);
    }
}
