package dev.switchboard.media.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's instruments must measure what they claim before their figures go into the README. */
class SinusoidsTest {

    @Test
    void aRoundedSineMeasuresTheTextbookSnrOf16BitQuantisation() {
        short[] tone = Sinusoids.tone(8000, 1019, 29204, 2);
        // 6.02 * 16 + 1.76 dB for a full-scale sine, here 1 dB below full scale.
        assertEquals(6.02 * 16 + 1.76 - 1, Sinusoids.snrDb(tone, 8000, 1019, 0, tone.length), 0.5);
    }

    @Test
    void aJointFitFindsAWeakToneBesideAStrongOne() {
        short[] strong = Sinusoids.tone(24000, 3599, 29000, 1.5);
        short[] weak = Sinusoids.tone(24000, 4401, 300, 1.5);
        short[] mixed = new short[strong.length];
        for (int n = 0; n < mixed.length; n++) {
            mixed[n] = (short) (strong[n] + weak[n]);
        }
        Sinusoids.Fit fit = Sinusoids.fit(mixed, 24000, new int[] {3599, 4401}, 1000, mixed.length - 1000);
        assertEquals(29000, fit.amplitude(0), 0.5);
        assertEquals(300, fit.amplitude(1), 0.05);
    }

    @Test
    void rmsOfASineIsItsAmplitudeOverRootTwo() {
        short[] tone = Sinusoids.tone(16000, 1019, 10000, 1);
        assertEquals(10000 / Math.sqrt(2), Sinusoids.rms(tone, 0, tone.length), 0.5);
    }
}
