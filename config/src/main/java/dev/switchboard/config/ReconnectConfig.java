package dev.switchboard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code reconnect:} section of a provider: how a call's provider session is re-established
 * after the connection drops, with exponential backoff, before the agent's fallback takes over.
 *
 * @param attempts       reconnect attempts after a drop before giving up, 0..{@value #MAX_ATTEMPTS}
 *                       (0: give up at once); default {@value #DEFAULT_ATTEMPTS}
 * @param initialBackoff wait before the first attempt, doubled for each further one; default
 *                       {@link #DEFAULT_INITIAL_BACKOFF} (250 ms)
 * @param maxBackoff     the doubling stops at this wait; at least {@code initialBackoff}; default
 *                       {@link #DEFAULT_MAX_BACKOFF} (1 s)
 */
public record ReconnectConfig(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public static final int DEFAULT_ATTEMPTS = 10;
    /** The largest {@code attempts} accepted. */
    public static final int MAX_ATTEMPTS = 20;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(1);

    public ReconnectConfig {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** The configuration used when the {@code reconnect:} section is absent. */
    public static ReconnectConfig defaults() {
        return new ReconnectConfig(DEFAULT_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }
}
