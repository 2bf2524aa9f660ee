package dev.switchboard.media.jitter;

/**
 * One RTP stream's sequence numbers and timestamps, extended beyond their 16 and 32 bits and shifted into the
 * buffer's own numbering, which runs on unbroken across SSRC changes and restarts.
 *
 * <p>Sequence numbers are extended as in RFC 3550 Appendix A.1: a packet up to {@link #MAX_DROPOUT} ahead of the
 * highest one seen is in order (a lower 16-bit value than the highest means the counter wrapped, and the cycle
 * count grows); one up to {@link #MAX_MISORDER} behind is a duplicate or reordered; anything else is a jump that
 * does not fit. Timestamps are compared modulo 2^32, as signed 32-bit differences from the newest packet's, and a
 * difference beyond {@link #MAX_JUMP_SECONDS} does not fit either.
 */
final class Numbering {

    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    static final int MAX_JUMP_SECONDS = 10;
    private static final int SEQUENCE_MODULUS = 1 << 16;

    private final long maxTimestampJump;
    private boolean active;
    private long ssrc;
    private int maxSequence;
    private long cycles;
    private long sequenceShift;
    private long newestRtpTimestamp;
    private long newestTimestamp;
    private long mappedSequence;
    private long mappedTimestamp;

    Numbering(int clockRate) {
        maxTimestampJump = (long) MAX_JUMP_SECONDS * clockRate;
    }

    /** Starts numbering {@code ssrc}: the packet ({@code sequence}, {@code timestamp}) maps to the given pair. */
    void begin(long ssrc, int sequence, long timestamp, long extendedSequence, long extendedTimestamp) {
        this.active = true;
        this.ssrc = ssrc;
        this.maxSequence = sequence;
        this.cycles = 0;
        this.sequenceShift = extendedSequence - sequence;
        this.newestRtpTimestamp = timestamp;
        this.newestTimestamp = extendedTimestamp;
    }

    void copyFrom(Numbering other) {
        active = other.active;
        ssrc = other.ssrc;
        maxSequence = other.maxSequence;
        cycles = other.cycles;
        sequenceShift = other.sequenceShift;
        newestRtpTimestamp = other.newestRtpTimestamp;
        newestTimestamp = other.newestTimestamp;
    }

    boolean active() {
        return active;
    }

    long ssrc() {
        return ssrc;
    }

    /** Whether the packet belongs to this stream as it stands: same source, sequence and timestamp in reach. */
    boolean fits(long packetSsrc, int sequence, long timestamp) {
        if (!active || packetSsrc != ssrc) {
            return false;
        }
        int ahead = (sequence - maxSequence) & (SEQUENCE_MODULUS - 1);
        boolean inReach = ahead < MAX_DROPOUT || ahead > SEQUENCE_MODULUS - MAX_MISORDER;
        return inReach && Math.abs((long) (int) (timestamp - newestRtpTimestamp)) <= maxTimestampJump;
    }

    /**
     * Maps a packet that {@link #fits}; the results are {@link #mappedSequence()} and {@link #mappedTimestamp()}.
     * A packet ahead of the highest becomes the new reference for both.
     */
    void map(int sequence, long timestamp) {
        int ahead = (sequence - maxSequence) & (SEQUENCE_MODULUS - 1);
        long timestampDelta = (int) (timestamp - newestRtpTimestamp);
        mappedTimestamp = newestTimestamp + timestampDelta;
        if (ahead < MAX_DROPOUT) {
            if (sequence < maxSequence) {
                cycles += SEQUENCE_MODULUS;
            }
            if (ahead > 0) {
                maxSequence = sequence;
                newestRtpTimestamp = timestamp;
                newestTimestamp = mappedTimestamp;
            }
            mappedSequence = sequenceShift + cycles + sequence;
        } else {
            long packetCycles = sequence > maxSequence ? cycles - SEQUENCE_MODULUS : cycles;
            mappedSequence = sequenceShift + packetCycles + sequence;
        }
    }

    long mappedSequence() {
        return mappedSequence;
    }

    long mappedTimestamp() {
        return mappedTimestamp;
    }
}
