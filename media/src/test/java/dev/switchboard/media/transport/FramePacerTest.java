package dev.switchboard.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FramePacerTest {

    private static final long TIMEOUT_SECONDS = 5;

    /** Releases a permit per tick, so a test can wait for a number of ticks. */
    private static final class CountingClient implements FramePacer.Client {
        final Semaphore ticks = new Semaphore(0);
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onTick() {
            count.incrementAndGet();
            ticks.release();
        }

        boolean awaitTicks(int n) throws InterruptedException {
            return ticks.tryAcquire(n, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** On a real NIO event loop, against the wall clock. */
    @Nested
    class OnARealEventLoop {

        private MultiThreadIoEventLoopGroup group;
        private EventLoop loop;
        private FramePacer pacer;

        @BeforeEach
        void startLoop() {
            group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            loop = group.next();
            pacer = new FramePacer(loop);
        }

        @AfterEach
        void stopLoop() {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        @Test
        void everyClientGetsTicks() throws Exception {
            CountingClient a = new CountingClient();
            CountingClient b = new CountingClient();
            onLoop(() -> {
                pacer.add(a);
                pacer.add(b);
            });

            assertTrue(a.awaitTicks(3), "first client ticked");
            assertTrue(b.awaitTicks(3), "second client ticked");
            assertEquals(2, call(pacer::clients));
        }

        @Test
        void aRemovedClientGetsNoMoreTicksAndReAddingRestartsTheClock() throws Exception {
            CountingClient client = new CountingClient();
            onLoop(() -> pacer.add(client));
            assertTrue(client.awaitTicks(2));

            onLoop(() -> {
                pacer.remove(client);
                client.ticks.drainPermits();
            });
            assertEquals(0, call(pacer::clients));
            // Five tick periods: with the client gone, not one tick may reach it.
            assertFalse(client.ticks.tryAcquire(1, 5 * FramePacer.FRAME_MILLIS, TimeUnit.MILLISECONDS),
                    "tick after removal");

            onLoop(() -> pacer.add(client));
            assertTrue(client.awaitTicks(2), "ticks resume after the client is added again");
        }

        /** The self-removing client is added first (index 0) or last, to catch a skip in either iteration order. */
        @ParameterizedTest(name = "self-removing client added {0}")
        @ValueSource(strings = {"first", "last"})
        void aClientRemovingItselfDuringItsTickDoesNotMakeAnotherMissThatTick(String position) throws Exception {
            CountingClient other = new CountingClient();
            CompletableFuture<Integer> otherTicksAfterRemovalTick = new CompletableFuture<>();
            AtomicInteger selfTicks = new AtomicInteger();
            FramePacer.Client self = new FramePacer.Client() {
                @Override
                public void onTick() {
                    if (selfTicks.incrementAndGet() == 3) {
                        pacer.remove(this);
                        // Runs right after this tick, before the next one.
                        loop.execute(() -> otherTicksAfterRemovalTick.complete(other.count.get()));
                    }
                }
            };
            onLoop(() -> {
                if (position.equals("first")) {
                    pacer.add(self);
                    pacer.add(other);
                } else {
                    pacer.add(other);
                    pacer.add(self);
                }
            });

            assertEquals(3, otherTicksAfterRemovalTick.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    "the other client's ticks when the self-removing one had its third and last");
            assertTrue(other.awaitTicks(5), "the other client keeps ticking");
            assertEquals(3, call(selfTicks::get), "no tick after self-removal");
            assertEquals(1, call(pacer::clients));
        }

        private void onLoop(Runnable task) throws Exception {
            loop.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        private <T> T call(Callable<T> task) throws Exception {
            return loop.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** On an embedded loop with frozen time, so each tick can be counted exactly. */
    @Nested
    class OnAFrozenClock {

        private EmbeddedChannel channel;
        private FramePacer pacer;

        @BeforeEach
        void freeze() {
            channel = new EmbeddedChannel();
            channel.freezeTime();
            pacer = new FramePacer(channel.eventLoop());
        }

        @AfterEach
        void release() {
            channel.finishAndReleaseAll();
        }

        @Test
        void ticksEvery20Milliseconds() {
            CountingClient client = new CountingClient();
            pacer.add(client);

            advance(19);
            assertEquals(0, client.count.get());
            advance(1);
            assertEquals(1, client.count.get());
            advance(20);
            assertEquals(2, client.count.get());
        }

        @Test
        void aLateTickIsFollowedByTheMissedOnesAtOnce() {
            CountingClient client = new CountingClient();
            pacer.add(client);

            advance(100);
            assertEquals(5, client.count.get());
            advance(20);
            assertEquals(6, client.count.get());
        }

        @Test
        void addingASecondClientKeepsOneTimer() {
            CountingClient a = new CountingClient();
            CountingClient b = new CountingClient();
            pacer.add(a);
            advance(10);
            pacer.add(b);
            advance(10);

            assertEquals(1, a.count.get());
            assertEquals(1, b.count.get(), "the second client joins the running clock");
            advance(20);
            assertEquals(2, a.count.get());
            assertEquals(2, b.count.get());
        }

        @Test
        void removingTheLastClientCancelsTheTimer() {
            CountingClient client = new CountingClient();
            pacer.add(client);
            assertTrue(channel.runScheduledPendingTasks() > 0, "a tick is scheduled");

            pacer.remove(client);

            assertEquals(-1, channel.runScheduledPendingTasks(), "nothing left scheduled");
            advance(100);
            assertEquals(0, client.count.get());
        }

        @Test
        void removingOneOfTwoClientsKeepsTheOtherTicking() {
            CountingClient stays = new CountingClient();
            CountingClient leaves = new CountingClient();
            pacer.add(stays);
            pacer.add(leaves);
            advance(20);
            pacer.remove(leaves);
            advance(40);

            assertEquals(3, stays.count.get());
            assertEquals(1, leaves.count.get());
            assertEquals(1, pacer.clients());
        }

        @Test
        void theLastClientRemovingItselfDuringItsTickStopsTheClock() {
            AtomicInteger ticks = new AtomicInteger();
            FramePacer.Client once = new FramePacer.Client() {
                @Override
                public void onTick() {
                    ticks.incrementAndGet();
                    pacer.remove(this);
                }
            };
            pacer.add(once);

            advance(100);

            assertEquals(1, ticks.get());
            assertEquals(0, pacer.clients());
            assertEquals(-1, channel.runScheduledPendingTasks(), "nothing left scheduled");
        }

        private void advance(long millis) {
            channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }
}
