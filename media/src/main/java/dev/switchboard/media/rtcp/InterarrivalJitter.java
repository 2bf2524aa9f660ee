package dev.switchboard.media.rtcp;

/**
 * Interarrival jitter of one RTP stream as RFC 3550 §6.4.1 defines it and Appendix A.8 computes it: the mean
 * deviation of the difference in packet spacing at the receiver compared with the sender, in RTP timestamp units,
 * smoothed with gain 1/16.
 *
 * <p>For packets i−1 and i in order of arrival, D = (R_i − R_{i−1}) − (S_i − S_{i−1}), with R the arrival time on
 * the stream's clock and S the RTP timestamp; then J += (|D| − J) / 16. As in A.8 the estimate is kept scaled by
 * 16 in integer arithmetic, which keeps the fraction and rounds; {@link #jitter()} drops it. Transit times are
 * 32-bit and subtracted with wrap-around, so RTP timestamp wrap does no harm.
 *
 * <p>Feed it only packets whose timestamp is their sampling instant: an RFC 4733 telephone-event repeats its
 * event's start timestamp for the whole key press (§2.4.1), which would read as growing delay.
 */
public final class InterarrivalJitter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private boolean started;
    private long firstArrivalNanos;
    private int lastTransit;
    private long scaledJitter;

    /** @param clockRate the stream's RTP clock rate in Hz (8000 for G.711) */
    public InterarrivalJitter(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz");
        }
        this.clockRate = clockRate;
    }

    /** Takes one packet's RTP timestamp and arrival time (monotonic nanoseconds). */
    public void onPacket(long rtpTimestamp, long arrivalNanos) {
        if (!started) {
            started = true;
            firstArrivalNanos = arrivalNanos;
            lastTransit = transit(rtpTimestamp, arrivalNanos);
            return;
        }
        int transit = transit(rtpTimestamp, arrivalNanos);
        // Widened before abs: the int difference wraps as A.8's does, and |Integer.MIN_VALUE| must stay positive.
        long d = Math.abs((long) (transit - lastTransit));
        lastTransit = transit;
        scaledJitter += d - ((scaledJitter + 8) >> 4);
    }

    /** The current estimate in RTP timestamp units, as the report block carries it; 0 before two packets. */
    public long jitter() {
        return scaledJitter >> 4;
    }

    /** Arrival minus send time on the stream's clock, modulo 2^32; only differences of it mean anything. */
    private int transit(long rtpTimestamp, long arrivalNanos) {
        return (int) arrivalUnits(arrivalNanos - firstArrivalNanos) - (int) rtpTimestamp;
    }

    /** Elapsed nanoseconds on the stream's clock, rounded down; split so that no call length overflows. */
    private long arrivalUnits(long elapsedNanos) {
        return elapsedNanos / NANOS_PER_SECOND * clockRate + elapsedNanos % NANOS_PER_SECOND * clockRate
                / NANOS_PER_SECOND;
    }
}
