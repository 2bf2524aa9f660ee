package dev.switchboard.media.codec;

import java.util.Arrays;
import java.util.Random;

/** Test signals and level measurements for 16-bit PCM. */
final class Signals {

    private Signals() {
    }

    /** {@code length} samples of a sine starting at phase 0, rounded to 16 bits. */
    static short[] sine(int rate, double frequency, double amplitude, int length) {
        short[] samples = new short[length];
        for (int n = 0; n < length; n++) {
            samples[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * n / rate));
        }
        return samples;
    }

    /** Uniform white noise within ±24000. */
    static short[] noise(Random random, int length) {
        short[] samples = new short[length];
        for (int n = 0; n < length; n++) {
            samples[n] = (short) (random.nextInt(48001) - 24000);
        }
        return samples;
    }

    /** Runs all of {@code input} through {@code resampler} in one call. */
    static short[] run(Resampler resampler, short[] input) {
        short[] output = new short[resampler.maxOutputLength(input.length)];
        int written = resampler.process(input, 0, input.length, output, 0);
        return Arrays.copyOf(output, written);
    }

    /** Energy of {@code reference} over that of the error {@code output[n + delay] - reference[n]}, n in [from, to). */
    static double snrDb(short[] reference, short[] output, int delay, int from, int to) {
        double signal = 0;
        double error = 0;
        for (int n = from; n < to; n++) {
            signal += (double) reference[n] * reference[n];
            double difference = output[n + delay] - reference[n];
            error += difference * difference;
        }
        return 10 * Math.log10(signal / error);
    }

    /** How many samples {@code output[n + delay]} differ from {@code reference[n]}, n in [from, to). */
    static int differing(short[] reference, short[] output, int delay, int from, int to) {
        int count = 0;
        for (int n = from; n < to; n++) {
            count += output[n + delay] != reference[n] ? 1 : 0;
        }
        return count;
    }

    static double rms(short[] samples, int from, int to) {
        double energy = 0;
        for (int n = from; n < to; n++) {
            energy += (double) samples[n] * samples[n];
        }
        return Math.sqrt(energy / (to - from));
    }

    /** A least-squares fit a·cos(ωn) + b·sin(ωn), ω in radians per sample. */
    record SineFit(double a, double b, double omega) {

        double amplitude() {
            return Math.hypot(a, b);
        }

        double at(int n) {
            return a * Math.cos(omega * n) + b * Math.sin(omega * n);
        }
    }

    /** Fits a sine of the known {@code frequency} to samples [from, to) (normal equations of the 2-parameter fit). */
    static SineFit fitSine(short[] samples, int rate, double frequency, int from, int to) {
        double omega = 2 * Math.PI * frequency / rate;
        double cc = 0;
        double cs = 0;
        double ss = 0;
        double xc = 0;
        double xs = 0;
        for (int n = from; n < to; n++) {
            double cos = Math.cos(omega * n);
            double sin = Math.sin(omega * n);
            cc += cos * cos;
            cs += cos * sin;
            ss += sin * sin;
            xc += samples[n] * cos;
            xs += samples[n] * sin;
        }
        double determinant = cc * ss - cs * cs;
        return new SineFit((xc * ss - xs * cs) / determinant, (xs * cc - xc * cs) / determinant, omega);
    }

    /** Energy of the fitted sine over the energy of everything else in samples [from, to): SINAD, in dB. */
    static double fittedSnrDb(short[] samples, int rate, double frequency, int from, int to) {
        SineFit fit = fitSine(samples, rate, frequency, from, to);
        double signal = 0;
        double residue = 0;
        for (int n = from; n < to; n++) {
            double sine = fit.at(n);
            signal += sine * sine;
            residue += (samples[n] - sine) * (samples[n] - sine);
        }
        return 10 * Math.log10(signal / residue);
    }
}
