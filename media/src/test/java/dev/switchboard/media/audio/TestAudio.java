package dev.switchboard.media.audio;

import dev.switchboard.media.codec.G711;

/** Test tones and measurements for the audio path tests. */
final class TestAudio {

    private TestAudio() {}

    /** {@code length} samples of a sine starting at phase 0, rounded to 16 bits. */
    static short[] sine(int rate, double frequency, double amplitude, int length) {
        short[] samples = new short[length];
        for (int n = 0; n < length; n++) {
            samples[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * n / rate));
        }
        return samples;
    }

    static byte[] encode(G711 law, short[] samples) {
        byte[] codes = new byte[samples.length];
        law.encode(samples, 0, samples.length, codes, 0);
        return codes;
    }

    static short[] decode(G711 law, byte[] codes) {
        short[] samples = new short[codes.length];
        law.decode(codes, 0, codes.length, samples, 0);
        return samples;
    }

    /** Pearson correlation of {@code x[xFrom + i]} and {@code y[yFrom + i]}, i in [0, length). */
    static double correlation(short[] x, int xFrom, short[] y, int yFrom, int length) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < length; i++) {
            meanX += x[xFrom + i];
            meanY += y[yFrom + i];
        }
        meanX /= length;
        meanY /= length;
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < length; i++) {
            double dx = x[xFrom + i] - meanX;
            double dy = y[yFrom + i] - meanY;
            xy += dx * dy;
            xx += dx * dx;
            yy += dy * dy;
        }
        return xy / Math.sqrt(xx * yy);
    }

    static double rms(short[] samples, int from, int to) {
        double energy = 0;
        for (int n = from; n < to; n++) {
            energy += (double) samples[n] * samples[n];
        }
        return Math.sqrt(energy / (to - from));
    }

    static int peak(short[] samples, int from, int to) {
        int peak = 0;
        for (int n = from; n < to; n++) {
            peak = Math.max(peak, Math.abs(samples[n]));
        }
        return peak;
    }
}
