package dev.switchboard.media.jitter;

/**
 * The RFC 3550 interarrival jitter of one source (§6.4.1), computed as Appendix A.8 does: the mean deviation,
 * smoothed with gain 1/16, of the difference D between the spacing of two packets' arrivals and of their RTP
 * timestamps, for each packet and the one that arrived before it, in arrival order (not sequence order).
 *
 * <p>Kept as A.8's integer form, the estimate scaled by 16 ({@code J += |D| - ((J + 8) >> 4)}), so the value
 * RTCP reports is exactly {@code J >> 4}. Transit times are 32-bit differences, as in A.8: the timestamp's
 * wrap-around and the arbitrary offset between the clocks cancel in D. The first packet only sets the reference.
 */
final class InterarrivalJitter {

    private boolean primed;
    private int transit;
    private long scaled;

    /** Adds a packet that arrived at {@code arrivalTicks} (any origin) with RTP timestamp {@code timestamp}. */
    void add(long arrivalTicks, long timestamp) {
        int packetTransit = (int) (arrivalTicks - timestamp);
        if (primed) {
            long d = Math.abs((long) (packetTransit - transit));
            scaled += d - ((scaled + 8) >> 4);
        }
        transit = packetTransit;
        primed = true;
    }

    /** The jitter in timestamp units, as an RTCP receiver report carries it. */
    long timestampUnits() {
        return scaled >> 4;
    }

    /** Starts over, for a new source. */
    void reset() {
        primed = false;
        scaled = 0;
    }
}
