package dev.switchboard.media.jitter;

/**
 * Chooses the delay the buffer aims for, from the relative transit delays of recent packets.
 *
 * <p>Each packet's transit is its arrival time minus its timestamp, both in RTP clock ticks; the offset between
 * the two clocks is unknown but constant, so only differences mean anything. The fastest recent packet sets the
 * reference, and a packet's <em>relative delay</em> is how much longer it took. A packet plays in time when its
 * relative delay is at most the buffer's delay (see {@link Playout}), so the target is a high percentile of the
 * recent relative delays: with {@link #QUANTILE} 0.98, about 2% of packets may come too late, each costing a
 * concealed frame, while the delay stays as short as the network allows.
 *
 * <p>Why a percentile rather than the RFC 3550 interarrival jitter J (which {@link InterarrivalJitter} computes for
 * RTCP): J is a smoothed mean of the differences between consecutive packets' transits. It reacts to a delay
 * spike slowly and only in part (a 300 ms spike moves it by tens of milliseconds), underrates a heavy tail, and
 * says nothing of how much delay would have caught a given share of packets. The percentile answers exactly that
 * question, and reacts within a packet.
 *
 * <p>The target follows a rise at once (late packets cost audio now) and a fall slowly: the window remembers a
 * spike for {@link #WINDOW} packets (about 5 s of 20 ms packets), after which the target sinks by at most
 * {@link #SHRINK_MILLIS_PER_SECOND}, so a network that is bad every few seconds keeps a delay that covers it.
 *
 * <p>The fastest packet of the window is also the reference when the clocks drift: a sender whose clock runs fast
 * lowers the transit slowly, the reference follows within a window, and the buffer's delay, measured against it,
 * grows until the playout sheds it.
 */
final class DelayEstimator {

    static final int WINDOW = 256;
    static final double QUANTILE = 0.98;
    static final int SAFETY_MILLIS = 5;
    static final int SHRINK_MILLIS_PER_SECOND = 20;
    private static final int MAX_RANK = (int) Math.ceil(WINDOW * (1 - QUANTILE));

    private final int clockRate;
    private final long minTicks;
    private final long maxTicks;
    private final long safetyTicks;
    private final long[] transits = new long[WINDOW];
    private final long[] largest = new long[MAX_RANK];
    private int count;
    private int next;
    private long minTransit;
    private long target;
    private long lastArrival;

    DelayEstimator(JitterBufferConfig config) {
        clockRate = config.clockRate();
        minTicks = Ticks.fromMillis(config.minDelayMillis(), clockRate);
        maxTicks = Ticks.fromMillis(config.maxDelayMillis(), clockRate);
        safetyTicks = Ticks.fromMillis(SAFETY_MILLIS, clockRate);
        target = Ticks.fromMillis(config.initialDelayMillis(), clockRate);
    }

    /** Adds a packet's transit (arrival minus extended timestamp, in ticks) and moves the target. */
    void add(long transit, long arrivalTicks) {
        transits[next] = transit;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        long wanted = Math.clamp(percentileTransit() - minTransit + safetyTicks, minTicks, maxTicks);
        long elapsed = count == 1 ? 0 : Math.max(0, arrivalTicks - lastArrival);
        long shrunk = target - elapsed * SHRINK_MILLIS_PER_SECOND / 1000;
        target = Math.max(wanted, shrunk);
        lastArrival = arrivalTicks;
    }

    /** The transit of the fastest packet in the window: the reference of every delay. */
    long minTransit() {
        return minTransit;
    }

    /** The delay to aim for, in ticks beyond the fastest packet's transit. */
    long target() {
        return target;
    }

    /**
     * Scans the window once for its minimum and for its k-th largest transit, k being the share above the
     * quantile (1 for a window of up to 50 packets, 6 for a full one); {@link #largest} holds the k largest so
     * far in descending order.
     */
    private long percentileTransit() {
        int rank = Math.max(1, (int) Math.ceil(count * (1 - QUANTILE)));
        int held = 0;
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            long transit = transits[i];
            min = Math.min(min, transit);
            if (held < rank || transit > largest[held - 1]) {
                int at = held < rank ? held++ : held - 1;
                while (at > 0 && largest[at - 1] < transit) {
                    largest[at] = largest[at - 1];
                    at--;
                }
                largest[at] = transit;
            }
        }
        minTransit = min;
        return largest[rank - 1];
    }
}
