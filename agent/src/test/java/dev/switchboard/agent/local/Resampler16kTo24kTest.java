package dev.switchboard.agent.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Resampler16kTo24kTest {

    /** One second of a sine at {@code hz}, half of full scale, sampled at {@code rate}. */
    private static short[] sine(double hz, int rate) {
        short[] samples = new short[rate];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(16384 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return samples;
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 1000, 3000, 6000})
    void aToneComesBackAsTheSameCleanTone(int hz) {
        short[] output = Resampler16kTo24k.resample(sine(hz, 16_000));

        assertEquals(24_000, output.length);
        Spectrum spectrum = new Spectrum(output, 16_384, 24_000);
        assertEquals(hz, spectrum.peakHz(), 2.0);
        double other = spectrum.otherEnergyDb(hz, 10);
        assertTrue(other < -70, "energy away from " + hz + " Hz is only " + other + " dB down");
    }

    @Test
    void keepsTheLevelAndTheTimingOfTheSignal() {
        short[] output = Resampler16kTo24k.resample(sine(1000, 16_000));
        short[] expected = sine(1000, 24_000);

        double worst = 0;
        for (int i = 100; i < output.length - 100; i++) {
            worst = Math.max(worst, Math.abs(output[i] - expected[i]));
        }
        assertTrue(worst < 20, "worst deviation from the ideal 24 kHz sine: " + worst);
    }

    @Test
    void silenceStaysSilentAndShortInputsWork() {
        assertEquals(0, Resampler16kTo24k.resample(new short[0]).length);
        short[] out = Resampler16kTo24k.resample(new short[160]);
        assertEquals(240, out.length);
        for (short s : out) {
            assertEquals(0, s);
        }
    }
}
