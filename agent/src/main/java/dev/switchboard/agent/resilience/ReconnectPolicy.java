package dev.switchboard.agent.resilience;

import java.time.Duration;

/**
 * How hard a session tries to stay up.
 *
 * @param attempts       reconnect attempts after a drop before giving up (0: give up at once)
 * @param initialBackoff wait before the first attempt; doubled for each further one
 * @param maxBackoff     the longest wait between attempts; keep it short (about a second) so a call resumes soon
 *                       after the provider is reachable again
 * @param maxSession     recycle the connection after this long, before the provider's own limit; {@code null}
 *                       for never
 */
public record ReconnectPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration maxSession) {

    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(10, Duration.ofMillis(250), Duration.ofSeconds(1), null);

    /** The wait before attempt {@code attempt} (1-based): exponential, capped. */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
