package dev.switchboard.media.rtcp;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * When the next RTCP report is due, and whether it is an SR, for a two-party call (RFC 3550 §6.2, §6.3, §6.4).
 *
 * <p>With two members and audio-rate bandwidth, §6.2's computed interval is always below the 5-second minimum,
 * so the interval is that minimum: each report follows the previous one after 5 s times a random factor in
 * [0.5, 1.5] (§6.3.1), so that endpoints started together do not stay in step. The first report comes after half
 * the minimum (§6.2), randomised the same way. What this leaves out, on purpose: the e−3/2 divisor of §6.3.1,
 * which only compensates for timer reconsideration (§6.3.3), itself pointless with a fixed membership of two;
 * and the bandwidth-based interval, which would matter only for sessions of dozens of members.
 *
 * <p>A participant is a sender, and leads with an SR, when it sent RTP since the report before last (§6.4:
 * "during the interval since issuing the last report or the previous one"). Looking back two intervals rather than
 * one keeps a caller-facing agent that pauses for a few seconds from flapping between SR and RR.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class ReportScheduler {

    /** §6.2's minimum interval, which a two-party audio call always uses. */
    public static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final RandomGenerator random;
    private final long intervalNanos;
    private long nextReportNanos;
    private long lastReportNanos;
    private long previousReportNanos;

    /** Schedules the first report after {@code startNanos}, the moment the session starts. */
    public ReportScheduler(RandomGenerator random, long startNanos) {
        this(random, startNanos, INTERVAL_NANOS);
    }

    /** As {@link #ReportScheduler(RandomGenerator, long)}, with a nominal interval other than §6.2's 5 s. */
    public ReportScheduler(RandomGenerator random, long startNanos, long intervalNanos) {
        this.random = random;
        this.intervalNanos = intervalNanos;
        this.lastReportNanos = startNanos;
        this.previousReportNanos = startNanos;
        this.nextReportNanos = startNanos + randomised(intervalNanos / 2);
    }

    public boolean isDue(long nowNanos) {
        return nowNanos - nextReportNanos >= 0;
    }

    /** When the next report is due, monotonic nanoseconds. */
    public long nextReportNanos() {
        return nextReportNanos;
    }

    /** Whether a report sent now should be an SR: RTP went out since the report before last. */
    public boolean isSender(SenderStatistics sent) {
        return sent.sentSince(previousReportNanos);
    }

    /** A report went out at {@code nowNanos}: the next is due one randomised interval later. */
    public void reportSent(long nowNanos) {
        previousReportNanos = lastReportNanos;
        lastReportNanos = nowNanos;
        nextReportNanos = nowNanos + randomised(intervalNanos);
    }

    /** {@code interval} times a uniform random factor in [0.5, 1.5] (§6.3.1). */
    private long randomised(long interval) {
        return (long) (interval * (0.5 + random.nextDouble()));
    }
}
