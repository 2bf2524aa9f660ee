package dev.switchboard.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    private static final List<Integer> RATES = List.of(8000, 16000, 24000, 48000);
    /** −6 dBFS. */
    private static final double HALF_SCALE = 16384;

    /**
     * 1000 Hz is a submultiple of 8 kHz, so its samples repeat every 8 and its rounding error is harmonic; 1020 Hz
     * (the telephony test tone, picked for not being one) exercises every phase of the filters.
     */
    @ParameterizedTest(name = "{0} -> {1} -> {0} Hz, {2} Hz")
    @CsvSource({"8000, 24000, 1000", "8000, 16000, 1000", "24000, 48000, 1000",
                "8000, 24000, 1020", "8000, 16000, 1020", "24000, 48000, 1020"})
    void aRoundTripThroughAHigherRateKeepsASineAt50dBSnr(int lowRate, int highRate, int frequency) {
        short[] input = Signals.sine(lowRate, frequency, HALF_SCALE, lowRate);
        Resampler up = Resampler.create(lowRate, highRate);
        Resampler down = Resampler.create(highRate, lowRate);
        short[] output = Signals.run(down, Signals.run(up, input));
        assertEquals(0, up.delay() * lowRate % highRate, "upsampler delay is a whole number of input samples");
        int delay = up.delay() * lowRate / highRate + down.delay();

        int from = 2 * delay;
        int to = input.length - delay;
        double alignedSnr = Signals.snrDb(input, output, delay, from, to);
        double inputSinad = Signals.fittedSnrDb(input, lowRate, frequency, from, to);
        double outputSinad = Signals.fittedSnrDb(output, lowRate, frequency, from + delay, to + delay);
        System.out.printf("round trip %d -> %d -> %d Hz, %d Hz at -6 dBFS: SNR against the input %s"
                        + " (%d of %d samples differ); SNR against a fitted sine %.1f dB out, %.1f dB in%n",
                lowRate, highRate, lowRate, frequency,
                Double.isInfinite(alignedSnr) ? "infinite" : String.format("%.1f dB", alignedSnr),
                Signals.differing(input, output, delay, from, to), to - from, outputSinad, inputSinad);
        assertTrue(alignedSnr >= 50, "SNR against the input " + alignedSnr + " dB");
        assertTrue(outputSinad >= 50, "SNR against a fitted sine " + outputSinad + " dB");
    }

    /** 4100 Hz sits just past the stopband edge, where the filter's side lobes are highest. */
    @ParameterizedTest(name = "{0} Hz tone")
    @CsvSource({"4100", "5000", "7000"})
    void decimatingTo8kHzSuppressesTonesAbove4kHzBy80dB(int frequency) {
        Resampler decimator = Resampler.create(24000, 8000);
        double amplitude = 30000;
        short[] input = Signals.sine(24000, frequency, amplitude, 24000);
        short[] output = Signals.run(decimator, input);

        double inputRms = amplitude / Math.sqrt(2);
        double outputRms = Signals.rms(output, 2 * decimator.delay(), output.length);
        // All-zero output only says each residue rounded away, i.e. stayed under half a step.
        double attenuation = 20 * Math.log10(inputRms / Math.max(outputRms, 0.5));
        System.out.printf("24000 -> 8000 Hz: %d Hz tone at %.1f dBFS comes out %s%.1f dB down (output rms %.3f)%n",
                frequency, 20 * Math.log10(amplitude / 32768), outputRms == 0 ? "more than " : "", attenuation,
                outputRms);
        assertTrue(attenuation >= 80, "attenuation " + attenuation + " dB");
    }

    @ParameterizedTest(name = "{2} Hz, {0} -> {1} Hz")
    @CsvSource({"8000, 24000, 300", "8000, 24000, 1000", "8000, 24000, 3400",
                "24000, 8000, 300", "24000, 8000, 1000", "24000, 8000, 3400"})
    void telephoneBandTonesKeepTheirLevelWithinATenthOfADecibel(int inputRate, int outputRate, int frequency) {
        Resampler resampler = Resampler.create(inputRate, outputRate);
        short[] input = Signals.sine(inputRate, frequency, HALF_SCALE, inputRate);
        short[] output = Signals.run(resampler, input);

        double inputLevel = Signals.fitSine(input, inputRate, frequency, 0, input.length).amplitude();
        double outputLevel =
                Signals.fitSine(output, outputRate, frequency, 2 * resampler.delay(), output.length).amplitude();
        double gainDb = 20 * Math.log10(outputLevel / inputLevel);
        System.out.printf("%d -> %d Hz: %d Hz tone gain %+.4f dB%n", inputRate, outputRate, frequency, gainDb);
        assertEquals(0, gainDb, 0.1);
    }

    @Test
    void processingInRandomChunksGivesTheSameOutputAsOneCall() {
        Random random = new Random(20240611);
        short[] input = Signals.noise(random, 6000);
        for (int from : RATES) {
            for (int to : RATES) {
                Resampler whole = Resampler.create(from, to);
                short[] expected = Signals.run(whole, input);
                assertEquals(whole.maxOutputLength(input.length), expected.length, from + " -> " + to);

                Resampler chunked = Resampler.create(from, to);
                short[] actual = new short[expected.length];
                int written = 0;
                for (int offset = 0; offset < input.length; ) {
                    int length = Math.min(random.nextInt(400), input.length - offset);
                    int produced = chunked.process(input, offset, length, actual, written);
                    assertTrue(produced <= chunked.maxOutputLength(length));
                    written += produced;
                    offset += length;
                }
                assertEquals(expected.length, written, from + " -> " + to);
                assertArrayEquals(expected, actual, from + " -> " + to);
            }
        }
    }

    @Test
    void resetForgetsEarlierInput() {
        Random random = new Random(7);
        short[] earlier = Signals.noise(random, 1000);
        short[] later = Signals.noise(random, 1000);
        Resampler fresh = Resampler.create(16000, 24000);
        Resampler used = Resampler.create(16000, 24000);
        Resampler notReset = Resampler.create(16000, 24000);
        Signals.run(used, earlier);
        Signals.run(notReset, earlier);

        used.reset();
        short[] expected = Signals.run(fresh, later);
        assertArrayEquals(expected, Signals.run(used, later));
        assertFalse(Arrays.equals(expected, Signals.run(notReset, later)), "history must matter without reset");
    }

    @Test
    void fullScaleSquareWaveClipsInsteadOfWrappingAround() {
        short[] square = new short[8000];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 20) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        Resampler resampler = Resampler.create(8000, 24000);
        short[] output = Signals.run(resampler, square);

        int delay = resampler.delay();
        boolean clipped = false;
        for (int n = 2 * delay; n < output.length; n++) {
            clipped |= output[n] == Short.MAX_VALUE || output[n] == Short.MIN_VALUE;
            int inputTime = (n - delay) / 3;
            int distanceToEdge = Math.min(inputTime % 20, 20 - inputTime % 20);
            if (distanceToEdge >= 2) {
                double expected = square[inputTime];
                assertEquals(expected, output[n], 0.2 * 32768, "output sample " + n);
            }
        }
        assertTrue(clipped, "Gibbs overshoot should have reached full scale");
    }

    @Test
    void equalRatesCopyTheInput() {
        short[] input = Signals.noise(new Random(3), 500);
        Resampler identity = Resampler.create(16000, 16000);
        short[] output = new short[502];
        assertEquals(500, identity.process(input, 0, 500, output, 2));
        assertArrayEquals(input, Arrays.copyOfRange(output, 2, 502));
        assertEquals(0, identity.delay());
        assertEquals(500, identity.maxOutputLength(500));
    }

    @Test
    void reportsItsRatesAndRejectsUnsupportedOnes() {
        Resampler resampler = Resampler.create(48000, 8000);
        assertEquals(48000, resampler.inputRate());
        assertEquals(8000, resampler.outputRate());
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Resampler.create(44100, 8000));
        assertTrue(error.getMessage().contains("44100"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Resampler.create(8000, 0));
        assertThrows(IllegalArgumentException.class, () -> resampler.maxOutputLength(-1));
    }

    @Test
    void anOutputArrayTooSmallIsRejectedWithoutConsumingInput() {
        short[] input = Signals.noise(new Random(11), 300);
        Resampler resampler = Resampler.create(8000, 48000);
        assertThrows(IndexOutOfBoundsException.class,
                () -> resampler.process(input, 0, 300, new short[resampler.maxOutputLength(300) - 1], 0));
        assertArrayEquals(Signals.run(Resampler.create(8000, 48000), input), Signals.run(resampler, input));
    }
}
