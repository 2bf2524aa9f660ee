package dev.switchboard.media.jitter;

/**
 * One slot of the {@link PacketStore}: a packet waiting to play, or the sequence number of one that played
 * (remembered so that a duplicate is known as one). Slots are allocated once, with the store, and reused.
 */
final class StoredPacket {

    /** Extended sequence number in the buffer's numbering, or {@link Long#MIN_VALUE} for a slot never used. */
    long sequence = Long.MIN_VALUE;
    /** Extended timestamp in the buffer's numbering. */
    long timestamp;
    /** The packet's own RTP sequence number and timestamp, for the segments. */
    int rtpSequence;
    long rtpTimestamp;
    int ticks;
    boolean marker;
    boolean comfortNoise;
    /** The payload while the packet waits; {@code null} once it played or was given up. */
    byte[] payload;

    boolean waiting() {
        return payload != null;
    }
}
