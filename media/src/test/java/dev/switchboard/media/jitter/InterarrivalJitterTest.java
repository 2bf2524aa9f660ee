package dev.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InterarrivalJitterTest {

    private final InterarrivalJitter jitter = new InterarrivalJitter();

    @Test
    void theFirstPacketOnlySetsTheReference() {
        jitter.add(123_456, 987_654);

        assertEquals(0, jitter.timestampUnits());
    }

    /** A.8 by hand: J16 += |D| - ((J16 + 8) >> 4), reported J16 >> 4. */
    @Test
    void followsTheIntegerFormOfAppendixA8() {
        jitter.add(0, 0);
        jitter.add(192, 160);
        assertEquals(2, jitter.timestampUnits(), "J16 = 32");
        jitter.add(384, 320);
        assertEquals(3, jitter.timestampUnits(), "J16 = 32 + 32 - 2 = 62");
        jitter.add(544, 480);
        assertEquals(3, jitter.timestampUnits(), "J16 = 62 + 0 - 4 = 58");
    }

    /** The estimate decays with rounding, ((J16 + 8) >> 4), not truncation: 200, 200-13, 187-12 = 175 → 10. */
    @Test
    void decaysWithAppendixA8sRounding() {
        jitter.add(0, 0);
        jitter.add(360, 160);
        assertEquals(12, jitter.timestampUnits(), "J16 = 200");
        jitter.add(520, 320);
        assertEquals(11, jitter.timestampUnits(), "J16 = 200 - 13 = 187");
        jitter.add(680, 480);
        assertEquals(10, jitter.timestampUnits(), "J16 = 187 - 12 = 175");
    }

    @Test
    void convergesToTheMeanDeviationOfTheSpacing() {
        for (int i = 0; i < 500; i++) {
            jitter.add(i * 160L + (i % 2) * 80, i * 160L);
        }

        assertEquals(80, jitter.timestampUnits(), 1);
    }

    @Test
    void timestampsWrappingAt2To32ChangeNothing() {
        long start = (1L << 32) - 50 * 160;
        for (int i = 0; i < 100; i++) {
            jitter.add(i * 160L + 7, (start + i * 160L) & 0xFFFF_FFFFL);
        }

        assertEquals(0, jitter.timestampUnits());
    }

    @Test
    void resetStartsOverForANewSource() {
        for (int i = 0; i < 50; i++) {
            jitter.add(i * 160L + (i % 2) * 80, i * 160L);
        }
        jitter.reset();
        jitter.add(1_000_000, 5);

        assertEquals(0, jitter.timestampUnits());
    }
}
