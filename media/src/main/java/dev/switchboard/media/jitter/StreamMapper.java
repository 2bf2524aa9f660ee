package dev.switchboard.media.jitter;

/**
 * Tells which stream a packet belongs to: the current one, the one it replaced, or a new one.
 *
 * <p>A trunk that moves a call to another media server starts a new SSRC with new random sequence numbers and
 * timestamps; a sender may also restart its counters without changing SSRC. Either way the buffer re-anchors. The
 * replaced stream is remembered, so that its packets still in flight are recognised and dropped as late rather
 * than taken for yet another new stream: for {@link #STALE_SECONDS} after the current stream last sent, the old
 * one cannot take over again.
 */
final class StreamMapper {

    /** Where a packet belongs. */
    enum Verdict {
        /** The current stream; {@link #mapped()} numbers it. */
        CURRENT,
        /** The stream the current one replaced: a straggler. */
        STALE,
        /** The current SSRC, with a sequence number or timestamp that jumped out of reach. */
        JUMP,
        /** Another SSRC, or the very first packet. */
        NEW_SOURCE
    }

    static final int STALE_SECONDS = 2;

    private final Numbering current;
    private final Numbering previous;
    private final long staleTicks;
    private long lastCurrentArrival;

    StreamMapper(int clockRate) {
        current = new Numbering(clockRate);
        previous = new Numbering(clockRate);
        staleTicks = (long) STALE_SECONDS * clockRate;
    }

    Verdict classify(long ssrc, int sequence, long timestamp, long arrivalTicks) {
        if (current.fits(ssrc, sequence, timestamp)) {
            current.map(sequence, timestamp);
            lastCurrentArrival = arrivalTicks;
            return Verdict.CURRENT;
        }
        boolean currentAlive = arrivalTicks - lastCurrentArrival < staleTicks;
        if (currentAlive && previous.fits(ssrc, sequence, timestamp)) {
            return Verdict.STALE;
        }
        if (current.active() && ssrc == current.ssrc()) {
            return Verdict.JUMP;
        }
        return Verdict.NEW_SOURCE;
    }

    /** Makes the packet's stream the current one, mapped to the given numbers; the old one becomes the previous. */
    void begin(long ssrc, int sequence, long timestamp, long extendedSequence, long extendedTimestamp,
            long arrivalTicks) {
        previous.copyFrom(current);
        current.begin(ssrc, sequence, timestamp, extendedSequence, extendedTimestamp);
        current.map(sequence, timestamp);
        lastCurrentArrival = arrivalTicks;
    }

    /** The numbering of the current stream, holding the last packet classified {@link Verdict#CURRENT}. */
    Numbering mapped() {
        return current;
    }
}
