package dev.switchboard.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Measures each prototype's frequency response in double precision, free of 16-bit rounding. */
class PolyphaseFilterTest {

    private static final int GRID_POINTS = 8000;

    @ParameterizedTest(name = "up {0} down {1}")
    @CsvSource({"2, 1", "3, 1", "6, 1", "3, 2", "1, 2", "1, 3", "1, 6", "2, 3"})
    void passbandIsFlatAndStopbandIs80dBDown(int up, int down) {
        PolyphaseFilter filter = PolyphaseFilter.design(up, down);
        double[] taps = filter.prototype();
        double lowerNyquist = 0.5 / Math.max(up, down);

        double passMin = Double.POSITIVE_INFINITY;
        double passMax = Double.NEGATIVE_INFINITY;
        double stopMax = Double.NEGATIVE_INFINITY;
        for (int point = 0; point <= GRID_POINTS; point++) {
            double frequency = 0.5 * point / GRID_POINTS;
            double gainDb = 20 * Math.log10(magnitude(taps, frequency) / up);
            if (frequency <= PolyphaseFilter.PASSBAND_EDGE * lowerNyquist) {
                passMin = Math.min(passMin, gainDb);
                passMax = Math.max(passMax, gainDb);
            } else if (frequency >= PolyphaseFilter.STOPBAND_EDGE * lowerNyquist) {
                stopMax = Math.max(stopMax, gainDb);
            }
        }
        System.out.printf("up %d down %d: %d taps, %d per output sample, delay %d; passband %+.5f..%+.5f dB,"
                + " stopband peak %.1f dB%n", up, down, taps.length, filter.tapsPerPhase(), filter.delay(),
                passMin, passMax, stopMax);
        assertTrue(passMin >= -0.1 && passMax <= 0.1, "passband " + passMin + ".." + passMax);
        assertTrue(stopMax <= -80, "stopband peak " + stopMax);
    }

    @ParameterizedTest(name = "up {0} down {1}")
    @CsvSource({"3, 1", "1, 3", "3, 2", "2, 3"})
    void groupDelayIsWholeInInputAndOutputSamples(int up, int down) {
        PolyphaseFilter filter = PolyphaseFilter.design(up, down);
        double[] taps = filter.prototype();
        int centre = filter.delay() * down;
        for (int offset = 1; offset < centre; offset++) {
            assertEquals(taps[centre - offset], taps[centre + offset], 1e-15, "symmetry at " + offset);
        }
        assertEquals(0, centre % up, "delay in input samples");
    }

    /** |H(f)| by rotating a unit phasor, f in cycles per sample. */
    private static double magnitude(double[] taps, double frequency) {
        double stepCos = Math.cos(-2 * Math.PI * frequency);
        double stepSin = Math.sin(-2 * Math.PI * frequency);
        double phasorCos = 1;
        double phasorSin = 0;
        double real = 0;
        double imaginary = 0;
        for (double tap : taps) {
            real += tap * phasorCos;
            imaginary += tap * phasorSin;
            double nextCos = phasorCos * stepCos - phasorSin * stepSin;
            phasorSin = phasorCos * stepSin + phasorSin * stepCos;
            phasorCos = nextCos;
        }
        return Math.hypot(real, imaginary);
    }
}
