package dev.switchboard.media.recording;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer, single-consumer queue of preallocated audio chunks: the call's event loop fills
 * them, the recording writer empties them. The slots are the pool, so handing over audio allocates nothing, and
 * neither side ever waits: a full ring refuses the chunk ({@link #claim} returns null) and an empty one has
 * nothing to {@link #peek}.
 *
 * <p>Why not a JDK queue: {@code ArrayBlockingQueue.offer} takes a lock the writer may be holding, and
 * {@code ConcurrentLinkedQueue} allocates a node per element; one call's audio has exactly one producer (its loop)
 * and one consumer (the writer thread), which this ring needs no more than two counters for. The producer
 * publishes a filled slot with a release store of {@code tail}; the consumer's acquire load of {@code tail}
 * therefore sees the slot's contents, and the same pairing on {@code head} hands emptied slots back.
 */
final class ChunkRing {

    /** One piece of one side's audio; written only between {@link #claim} and {@link #publish}. */
    static final class Chunk {
        final short[] samples;
        Side side;
        long position;
        int length;

        private Chunk(int capacity) {
            this.samples = new short[capacity];
        }
    }

    /** Which side of the call a chunk belongs to, and so which channel of the stereo file. */
    enum Side {
        /** The caller, left. */
        CALLER,
        /** The agent, right. */
        AGENT
    }

    private final Chunk[] slots;
    private final int mask;
    /** Next slot to consume; written only by the consumer. */
    private final AtomicLong head = new AtomicLong();
    /** Next slot to fill; written only by the producer. */
    private final AtomicLong tail = new AtomicLong();
    /** The producer's last look at {@code head}, so that it reads the shared counter only when the ring looks full. */
    private long headSeenByProducer;

    /**
     * @param slots         how many chunks the ring holds, a power of two
     * @param chunkCapacity samples per chunk
     */
    ChunkRing(int slots, int chunkCapacity) {
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two, was " + slots);
        }
        this.slots = new Chunk[slots];
        this.mask = slots - 1;
        for (int i = 0; i < slots; i++) {
            this.slots[i] = new Chunk(chunkCapacity);
        }
    }

    int capacity() {
        return slots.length;
    }

    int chunkCapacity() {
        return slots[0].samples.length;
    }

    /** Producer: the next free chunk to fill, or null when the consumer has fallen a whole ring behind. */
    Chunk claim() {
        long next = tail.getPlain();
        if (next - headSeenByProducer == slots.length) {
            headSeenByProducer = head.getAcquire();
            if (next - headSeenByProducer == slots.length) {
                return null;
            }
        }
        return slots[(int) next & mask];
    }

    /** Producer: hands the chunk last claimed to the consumer. */
    void publish() {
        tail.setRelease(tail.getPlain() + 1);
    }

    /** Consumer: the oldest published chunk, or null when there is none; it stays queued until {@link #release}. */
    Chunk peek() {
        long next = head.getPlain();
        return next == tail.getAcquire() ? null : slots[(int) next & mask];
    }

    /** Consumer: gives the chunk last peeked back to the producer. */
    void release() {
        head.setRelease(head.getPlain() + 1);
    }
}
