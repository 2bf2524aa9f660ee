package dev.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Transits and delays in ticks of 8 kHz: 8 per millisecond. */
class DelayEstimatorTest {

    private static final int MS = 8;
    private static final int FRAME = 160;

    private final DelayEstimator estimator =
            new DelayEstimator(JitterBufferConfig.forClockRate(8000, PacketDuration.ONE_TICK_PER_BYTE));

    @Test
    void aFullWindowIgnoresTheSlowestTwoPercent() {
        fill(5, 100 * MS);

        assertEquals(20 * MS, estimator.target(), "5 slow packets of 256 are below the 98th percentile");
    }

    @Test
    void aFullWindowCoversMoreThanTwoPercent() {
        fill(7, 100 * MS);

        assertEquals((100 + DelayEstimator.SAFETY_MILLIS) * MS, estimator.target());
    }

    @Test
    void growsAtTheFirstSlowPacketAndStaysWithinTheBounds() {
        for (int i = 0; i < 20; i++) {
            estimator.add(1000, i * FRAME);
        }
        estimator.add(1000 + 120 * MS, 20 * FRAME);
        assertEquals(125 * MS, estimator.target());

        estimator.add(1000 + 900 * MS, 21 * FRAME);
        assertEquals(200 * MS, estimator.target(), "clamped to the maximum");
    }

    @Test
    void shrinksAtMostTwentyMillisecondsPerSecond() {
        fill(7, 150 * MS);
        long start = estimator.target();
        long arrival = 2L * DelayEstimator.WINDOW * FRAME;
        for (int i = 1; i <= 500; i++) {
            long before = estimator.target();
            estimator.add(0, arrival + (long) i * FRAME);
            assertTrue(before - estimator.target() <= FRAME * 20 / 1000 + 1, "fell too fast at packet " + i);
        }

        assertTrue(start > 150 * MS, "started at " + start);
        assertEquals(20 * MS, estimator.target(), "back at the minimum after 10 s");
    }

    @Test
    void delaysAreMeasuredFromTheFastestPacket() {
        for (int i = 0; i < 100; i++) {
            estimator.add(5000 + (i == 50 ? -40 * MS : 0), i * FRAME);
        }

        assertEquals(5000 - 40 * MS, estimator.minTransit());
    }

    /**
     * A window of calm packets 20 ms apart (transit 0), then a second in which {@code slow} packets, spread out,
     * take {@code extra} longer.
     */
    private void fill(int slow, long extra) {
        for (int i = 0; i < 2 * DelayEstimator.WINDOW; i++) {
            boolean isSlow = i >= DelayEstimator.WINDOW && i % 32 == 0 && (i - DelayEstimator.WINDOW) / 32 < slow;
            estimator.add(isSlow ? extra : 0, (long) i * FRAME);
        }
    }
}
