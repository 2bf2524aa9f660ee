package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterarrivalJitterTest {

    /** 8 kHz: one timestamp unit is 125 µs. */
    private static final long UNIT_NANOS = 125_000L;
    /** RTP timestamps start just below the 32-bit wrap, which must not show as jitter. */
    private static final long FIRST_TIMESTAMP = 0xFFFF_F000L;

    @Test
    void isZeroForAConstantTransitTime() {
        InterarrivalJitter jitter = new InterarrivalJitter(8000);
        for (int i = 0; i < 500; i++) {
            jitter.onPacket(timestamp(i), 7_000_000_000L + i * 160 * UNIT_NANOS);
        }

        assertEquals(0, jitter.jitter());
    }

    @Test
    void isZeroBeforeASecondPacket() {
        InterarrivalJitter jitter = new InterarrivalJitter(8000);
        jitter.onPacket(12345, 987_654_321L);

        assertEquals(0, jitter.jitter());
    }

    /**
     * Transit times drawn at random, whole timestamp units; the reference is A.8's formula in floating point,
     * J += (|D| − J) / 16. A.8's integer version keeps 16 J, rounding each step (it settles within half a unit of
     * J) and reports it truncated (up to a unit less): within 1.5 units in all.
     */
    @Test
    void followsTheA8FormulaOnAStreamOfKnownTransitTimes() {
        InterarrivalJitter jitter = new InterarrivalJitter(8000);
        SplittableRandom random = new SplittableRandom(8);
        double expected = 0;
        long previousTransit = 0;
        for (int i = 0; i < 2000; i++) {
            long transit = 400 + random.nextInt(i < 1000 ? 80 : 400);
            jitter.onPacket(timestamp(i), (i * 160L + transit) * UNIT_NANOS);
            if (i > 0) {
                expected += (Math.abs(transit - previousTransit) - expected) / 16;
            }
            previousTransit = transit;
            assertEquals(expected, jitter.jitter(), 1.5, "packet " + i);
        }
        assertTrue(expected > 100, "the late, wider spread shows: " + expected);
    }

    @Test
    void convergesOnTheStepOfADelayThatAlternates() {
        InterarrivalJitter jitter = new InterarrivalJitter(8000);
        for (int i = 0; i < 300; i++) {
            long extraDelay = i % 2 == 0 ? 0 : 80; // 10 ms every other packet
            jitter.onPacket(timestamp(i), (i * 160L + extraDelay) * UNIT_NANOS);
        }

        long units = jitter.jitter();
        assertTrue(units >= 79 && units <= 80, "80 units (10 ms at 8 kHz), got " + units);
    }

    @Test
    void measuresInTheStreamsOwnClockRate() {
        InterarrivalJitter jitter = new InterarrivalJitter(48_000);
        for (int i = 0; i < 300; i++) {
            long extraNanos = i % 2 == 0 ? 0 : 1_000_000L; // 1 ms = 48 units at 48 kHz
            jitter.onPacket(i * 960L, i * 20_000_000L + extraNanos);
        }

        long units = jitter.jitter();
        assertTrue(units >= 47 && units <= 48, "48 units, got " + units);
    }

    private static long timestamp(int packet) {
        return (FIRST_TIMESTAMP + packet * 160L) & 0xFFFF_FFFFL;
    }
}
