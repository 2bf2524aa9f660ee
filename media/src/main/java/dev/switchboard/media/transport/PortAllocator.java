package dev.switchboard.media.transport;

import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out RTP ports from the configured range: even ports only, each reserving the odd port above it for RTCP
 * (RFC 3550 §11). Released ports go to the back of the queue, so a port is not reused until every other free port
 * has been, and late packets of an ended call do not land in a new one.
 *
 * <p>Thread-safe without locks: calls on different event loops allocate concurrently.
 */
public final class PortAllocator {

    private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger available = new AtomicInteger();
    private final int capacity;

    public PortAllocator(int first, int last) {
        for (int port = first + (first & 1); port + 1 <= last; port += 2) {
            free.add(port);
        }
        capacity = free.size();
        available.set(capacity);
        if (capacity == 0) {
            throw new IllegalArgumentException("port range " + first + "-" + last + " holds no even/odd RTP pair");
        }
    }

    /** The next free even port, or empty when every pair is in use. */
    public OptionalInt allocate() {
        Integer port = free.poll();
        if (port == null) {
            return OptionalInt.empty();
        }
        available.decrementAndGet();
        return OptionalInt.of(port);
    }

    /** Returns a port obtained from {@link #allocate()}; each allocation must be released exactly once. */
    public void release(int port) {
        free.add(port);
        available.incrementAndGet();
    }

    /** Port pairs not in use. */
    public int available() {
        return available.get();
    }

    /** Port pairs in the range. */
    public int capacity() {
        return capacity;
    }
}
