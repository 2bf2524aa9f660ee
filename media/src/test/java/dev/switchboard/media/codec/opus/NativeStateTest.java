package dev.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Freeing native state exactly once, with pretend pointers so no native code runs. */
class NativeStateTest {

    @Test
    void closeFreesOnceHoweverOftenItIsCalled() {
        AtomicInteger frees = new AtomicInteger();
        AtomicLong freed = new AtomicLong();
        NativeState state = new NativeState(42, pointer -> {
            frees.incrementAndGet();
            freed.set(pointer);
        }, "test state");
        assertEquals(42, state.pointer());
        state.close();
        state.close();
        assertEquals(1, frees.get());
        assertEquals(42, freed.get());
        IllegalStateException e = assertThrows(IllegalStateException.class, state::pointer);
        assertEquals("test state is closed", e.getMessage());
    }

    @Test
    void stateDroppedWithoutClosingIsFreedByTheCleaner() throws InterruptedException {
        CountDownLatch freed = new CountDownLatch(1);
        createAndDrop(freed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (freed.getCount() > 0 && System.nanoTime() < deadline) {
            System.gc();
            freed.await(50, TimeUnit.MILLISECONDS);
        }
        assertTrue(freed.getCount() == 0, "the cleaner did not free the dropped state within 10 s");
    }

    private static void createAndDrop(CountDownLatch freed) {
        new NativeState(7, pointer -> freed.countDown(), "dropped state");
    }
}
