package dev.switchboard.media.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeechDifferenceTest {

    private static final int RATE = 8000;

    @Test
    void findsTheLagAndLeavesADifferenceAboveTheFlatBandOutOfTheInBandFigure() {
        short[] reference = new short[2 * RATE];
        short[] shifted = new short[reference.length + 10];
        for (int n = 0; n < reference.length; n++) {
            double inBand = 8000 * Math.sin(2 * Math.PI * 301 * n / RATE)
                    + 6000 * Math.sin(2 * Math.PI * 1019 * n / RATE);
            reference[n] = (short) Math.round(inBand);
            // The same, 7 samples later, plus a 3801 Hz tone: above 0.85 x 4 kHz, where resamplers may differ.
            shifted[n + 7] = (short) Math.round(inBand + 300 * Math.sin(2 * Math.PI * 3801 * n / RATE));
        }
        SpeechDifference difference = SpeechDifference.of(shifted, reference, 5, RATE, RATE / 2);

        assertEquals(7, difference.lag());
        // Peak 300 against peaks 8000 and 6000 (an rms of 212 against 7071): -30.5 dB over the whole band ...
        assertEquals(20 * Math.log10(300 / Math.hypot(8000, 6000)), difference.wholeDb(), 0.5);
        // ... and in band nothing but the two roundings.
        assertTrue(difference.inBandDb() < -70, "in band " + difference.inBandDb());
    }
}
