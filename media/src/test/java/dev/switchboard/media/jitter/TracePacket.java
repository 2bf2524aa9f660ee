package dev.switchboard.media.jitter;

/**
 * One packet of a recorded (or generated) trace: when it was sent, when it arrived, and its RTP header fields.
 *
 * @param arrivalNanos      when it arrived, or {@link #LOST} when the network lost it
 * @param extendedTimestamp the timestamp before it was cut to 32 bits, for the test's bookkeeping
 * @param copy              a duplicate the network delivered after the original
 */
record TracePacket(long sendNanos, long arrivalNanos, int sequence, long extendedTimestamp, long ssrc,
        boolean marker, int payloadType, int ticks, boolean copy) {

    static final long LOST = -1;

    boolean lost() {
        return arrivalNanos == LOST;
    }

    long timestamp() {
        return extendedTimestamp & 0xFFFF_FFFFL;
    }

    TracePacket arrivingAt(long nanos) {
        return new TracePacket(sendNanos, nanos, sequence, extendedTimestamp, ssrc, marker, payloadType, ticks,
                copy);
    }

    TracePacket duplicateArrivingAt(long nanos) {
        return new TracePacket(sendNanos, nanos, sequence, extendedTimestamp, ssrc, marker, payloadType, ticks,
                true);
    }
}
