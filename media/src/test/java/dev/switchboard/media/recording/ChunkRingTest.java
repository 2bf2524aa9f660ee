package dev.switchboard.media.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChunkRingTest {

    @Test
    void refusesAChunkWhenTheConsumerIsAWholeRingBehind() {
        ChunkRing ring = new ChunkRing(4, 160);
        for (int i = 0; i < 4; i++) {
            assertNotNull(ring.claim());
            ring.publish();
        }

        assertNull(ring.claim());
        ChunkRing.Chunk oldest = ring.peek();
        ring.release();
        assertSame(oldest, ring.claim(), "the emptied slot is reused");
    }

    @Test
    void anEmptyRingHasNothingToPeek() {
        ChunkRing ring = new ChunkRing(2, 160);

        assertNull(ring.peek());
        ring.claim();
        assertNull(ring.peek(), "a claimed chunk is not visible before it is published");
    }

    @Test
    void sizeMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkRing(100, 160));
        assertThrows(IllegalArgumentException.class, () -> new ChunkRing(0, 160));
    }

    /** The consumer sees every chunk in order with the contents the producer wrote before publishing it. */
    @Test
    void handsChunksAcrossThreadsInOrderAndIntact() {
        int count = 300_000;
        ChunkRing ring = new ChunkRing(64, 4);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> produce(ring, count));
            for (long expected = 0; expected < count; ) {
                ChunkRing.Chunk chunk = ring.peek();
                if (chunk == null) {
                    Thread.yield();
                    continue;
                }
                assertEquals(expected, chunk.position);
                assertEquals((short) expected, chunk.samples[3]);
                assertEquals(expected % 2 == 0 ? ChunkRing.Side.CALLER : ChunkRing.Side.AGENT, chunk.side);
                ring.release();
                expected++;
            }
            producer.get(10, TimeUnit.SECONDS);
        });
    }

    private static void produce(ChunkRing ring, int count) {
        for (long i = 0; i < count; ) {
            ChunkRing.Chunk chunk = ring.claim();
            if (chunk == null) {
                Thread.yield();
                continue;
            }
            chunk.position = i;
            chunk.side = i % 2 == 0 ? ChunkRing.Side.CALLER : ChunkRing.Side.AGENT;
            chunk.length = 4;
            chunk.samples[3] = (short) i;
            ring.publish();
            i++;
        }
    }
}
