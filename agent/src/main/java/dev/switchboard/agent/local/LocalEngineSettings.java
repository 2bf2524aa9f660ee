package dev.switchboard.agent.local;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and pacing of a {@link LocalRealtimeServer}. Package-private so tests can shrink the limits; production
 * code uses {@link #DEFAULTS}.
 *
 * @param maxConnections  concurrent WebSocket sessions; one more is refused with HTTP 503 at the handshake
 * @param maxMessageBytes largest WebSocket frame and largest reassembled message (OpenAI accepts 15 MiB appends)
 * @param idleTimeout     a connection without any traffic in either direction for this long is closed
 * @param deltaInterval   wall-clock spacing of the 100 ms audio deltas of a response (faster than real time, like a
 *                        real provider)
 */
record LocalEngineSettings(int maxConnections, int maxMessageBytes, Duration idleTimeout, Duration deltaInterval) {

    static final LocalEngineSettings DEFAULTS =
            new LocalEngineSettings(64, 16 * 1024 * 1024, Duration.ofMinutes(10), Duration.ofMillis(25));

    LocalEngineSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024, got " + maxMessageBytes);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(deltaInterval, "deltaInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (deltaInterval.isNegative()) {
            throw new IllegalArgumentException("deltaInterval must not be negative, got " + deltaInterval);
        }
    }

    LocalEngineSettings withMaxConnections(int max) {
        return new LocalEngineSettings(max, maxMessageBytes, idleTimeout, deltaInterval);
    }

    LocalEngineSettings withIdleTimeout(Duration timeout) {
        return new LocalEngineSettings(maxConnections, maxMessageBytes, timeout, deltaInterval);
    }

    LocalEngineSettings withDeltaInterval(Duration interval) {
        return new LocalEngineSettings(maxConnections, maxMessageBytes, idleTimeout, interval);
    }
}
