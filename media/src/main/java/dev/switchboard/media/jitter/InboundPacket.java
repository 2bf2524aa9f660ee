package dev.switchboard.media.jitter;

/** The fields of an offered packet that the buffer works with; reused, so that an offer allocates nothing. */
final class InboundPacket {

    long ssrc;
    int sequence;
    long timestamp;
    boolean marker;
    boolean comfortNoise;
    byte[] payload;
    /** Arrival in RTP clock ticks since the buffer's first packet. */
    long arrival;

    void set(long ssrc, int sequence, long timestamp, boolean marker, boolean comfortNoise, byte[] payload,
            long arrival) {
        this.ssrc = ssrc;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.marker = marker;
        this.comfortNoise = comfortNoise;
        this.payload = payload;
        this.arrival = arrival;
    }

    void copyFrom(InboundPacket other) {
        set(other.ssrc, other.sequence, other.timestamp, other.marker, other.comfortNoise, other.payload,
                other.arrival);
    }

    boolean present() {
        return payload != null;
    }

    void clear() {
        payload = null;
    }

    /**
     * Whether {@code packet} is the one sent right after this one: same source, next sequence number, timestamp
     * less than {@code maxJump} ticks away. Two such packets confirm that a sender restarted its counters.
     */
    boolean precedes(InboundPacket packet, long maxJump) {
        return packet.ssrc == ssrc
                && packet.sequence == ((sequence + 1) & 0xFFFF)
                && Math.abs((long) (int) (packet.timestamp - timestamp)) <= maxJump;
    }
}
