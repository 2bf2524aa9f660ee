package dev.switchboard.media.jitter;

/**
 * The packets waiting to play, in a ring of slots indexed by extended sequence number.
 *
 * <p>The ring covers {@code capacity} sequence numbers from the base, the oldest one that may still play. A packet
 * beyond the window pushes the base up, and the waiting packets it passes are dropped and counted: the buffer
 * holds a bounded number of packets, and nothing but their payload references is allocated per packet.
 *
 * <p>A slot keeps the sequence number of the packet that played from it until a newer packet reuses it, so a
 * duplicate of a packet that already played is still recognised as one.
 */
final class PacketStore {

    private final StoredPacket[] slots;
    private final int mask;
    private boolean initialised;
    private long base;
    private long highest;
    private long overflowed;

    PacketStore(int capacity) {
        slots = new StoredPacket[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new StoredPacket();
        }
        mask = capacity - 1;
    }

    /**
     * Stores a packet that is not already here (see {@link #holdsOrPlayed}), and returns {@code false} when it is
     * behind the window. Before anything played, the window starts half a ring below the first packet, so that
     * packets sent before it but overtaken by it still find a place.
     */
    boolean put(long sequence, long timestamp, int rtpSequence, long rtpTimestamp, int ticks, boolean marker,
            boolean comfortNoise, byte[] payload) {
        if (!initialised) {
            base = sequence - slots.length / 2;
            highest = sequence;
            initialised = true;
        }
        if (sequence < base) {
            return false;
        }
        if (sequence >= base + slots.length) {
            advanceBase(sequence - slots.length + 1);
        }
        StoredPacket slot = slot(sequence);
        slot.sequence = sequence;
        slot.timestamp = timestamp;
        slot.rtpSequence = rtpSequence;
        slot.rtpTimestamp = rtpTimestamp;
        slot.ticks = ticks;
        slot.marker = marker;
        slot.comfortNoise = comfortNoise;
        slot.payload = payload;
        highest = Math.max(highest, sequence);
        return true;
    }

    /** Whether the packet with this sequence number is waiting, or played recently. */
    boolean holdsOrPlayed(long sequence) {
        return initialised && slot(sequence).sequence == sequence;
    }

    /** The waiting packet with the lowest sequence number, or {@code null} when none waits. */
    StoredPacket first() {
        if (!initialised) {
            return null;
        }
        for (long sequence = base; sequence <= highest; sequence++) {
            StoredPacket slot = slot(sequence);
            if (slot.sequence == sequence && slot.waiting()) {
                return slot;
            }
        }
        return null;
    }

    /** Takes a packet out (played, dropped or given up) and moves the base past it. */
    void release(StoredPacket packet) {
        packet.payload = null;
        base = Math.max(base, packet.sequence + 1);
    }

    long overflowed() {
        return overflowed;
    }

    private void advanceBase(long newBase) {
        for (long sequence = base; sequence < newBase && sequence <= highest; sequence++) {
            StoredPacket slot = slot(sequence);
            if (slot.sequence == sequence && slot.waiting()) {
                slot.payload = null;
                overflowed++;
            }
        }
        base = newBase;
    }

    private StoredPacket slot(long sequence) {
        return slots[(int) (sequence & mask)];
    }
}
