package dev.switchboard.media.plc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Levels in dBov against 0 dBov = RMS 32768; windows of 2.5 ms (20 samples at 8 kHz). */
class ComfortNoiseTest {

    private static final int RATE = 8000;
    private static final int WINDOW = 20;
    private static final int RAMP = RATE * ComfortNoise.RAMP_MILLIS / 1000;

    @ParameterizedTest(name = "-{0} dBov")
    @ValueSource(ints = {20, 30, 40, 50, 60, 70})
    void theNoiseHasTheAnnouncedLevel(int minusDbov) {
        ComfortNoise noise = new ComfortNoise(RATE, 7);
        noise.update(new byte[] {(byte) minusDbov}, 0, 1);
        short[] out = new short[RATE];
        noise.generate(out, 0, out.length);

        assertEquals(-minusDbov, levelDbov(out, RAMP, out.length), 1.5);
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndAnotherSeedOtherNoise() {
        assertArrayEquals(noise(1, 40), noise(1, 40));
        assertFalse(Arrays.equals(noise(1, 40), noise(2, 40)));
    }

    @Test
    void nothingIsHeardBeforeALevelIsGivenNorFromAnEmptyPayload() {
        ComfortNoise noise = new ComfortNoise(RATE, 7);
        assertFalse(noise.update(new byte[0], 0, 0));
        short[] out = new short[160];
        noise.generate(out, 0, out.length);

        assertArrayEquals(new short[160], out);
    }

    @Test
    void theTopBitOfTheLevelByteAndTheReflectionCoefficientsAreIgnored() {
        short[] plain = noise(5, 40);
        ComfortNoise shaped = new ComfortNoise(RATE, 5);
        shaped.update(new byte[] {(byte) (0x80 | 40), 12, (byte) 200, 7}, 0, 4);
        short[] out = new short[plain.length];
        shaped.generate(out, 0, out.length);

        assertArrayEquals(plain, out);
    }

    @Test
    void noiseRisesFromSilenceWithoutAClick() {
        short[] out = noise(3, 30);
        double steady = energy(out, RAMP, out.length);

        assertTrue(energy(out, 0, WINDOW) < 0.1 * steady, "the first 2.5 ms are quiet");
        assertTrue(energy(out, 0, RAMP / 2) < energy(out, RAMP / 2, RAMP), "and get louder along the ramp");
        assertEquals(-30, levelDbov(out, RAMP, out.length), 1.5);
    }

    @Test
    void aNewLevelIsReachedAlongARampNotAStep() {
        ComfortNoise noise = new ComfortNoise(RATE, 9);
        noise.update(new byte[] {60}, 0, 1);
        short[] out = new short[2 * RATE];
        noise.generate(out, 0, RATE);
        noise.update(new byte[] {30}, 0, 1);
        noise.generate(out, RATE, RATE);
        double loud = energy(out, RATE + RAMP, out.length);

        assertTrue(energy(out, RATE, RATE + WINDOW) < 0.1 * loud, "still near -60 dBov right after the update");
        assertEquals(-30, levelDbov(out, RATE + RAMP, out.length), 1.5);
    }

    @Test
    void noiseFadesOutOverTheFirstAudioAfterTheSilence() {
        ComfortNoise noise = new ComfortNoise(RATE, 11);
        noise.update(new byte[] {30}, 0, 1);
        short[] silence = new short[RATE];
        noise.generate(silence, 0, silence.length);
        short[] audio = new short[160];
        noise.fadeInto(audio, 0, audio.length);
        double steady = energy(silence, RAMP, silence.length);

        assertTrue(energy(audio, 0, WINDOW) > 0.5 * steady, "the noise goes on into the audio");
        assertTrue(energy(audio, RAMP - WINDOW, RAMP) < 0.1 * steady, "and has faded by the end of the ramp");
        assertArrayEquals(new short[160 - RAMP], Arrays.copyOfRange(audio, RAMP, 160));
        short[] next = new short[RAMP];
        noise.generate(next, 0, next.length);
        assertTrue(energy(next, 0, WINDOW) < 0.1 * steady, "the next silence rises from silence again");
    }

    private static short[] noise(long seed, int minusDbov) {
        ComfortNoise noise = new ComfortNoise(RATE, seed);
        noise.update(new byte[] {(byte) minusDbov}, 0, 1);
        short[] out = new short[RATE / 2];
        noise.generate(out, 0, out.length);
        return out;
    }

    /** Mean square over [from, to). */
    private static double energy(short[] samples, int from, int to) {
        double sum = 0;
        for (int n = from; n < to; n++) {
            sum += (double) samples[n] * samples[n];
        }
        return sum / (to - from);
    }

    private static double levelDbov(short[] samples, int from, int to) {
        return 10 * Math.log10(energy(samples, from, to) / (32768.0 * 32768.0));
    }
}
