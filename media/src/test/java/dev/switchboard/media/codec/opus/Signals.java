package dev.switchboard.media.codec.opus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The speech fixture and the measures the Opus tests compare audio with. */
final class Signals {

    /** "Hello, how can I help you today?" by espeak-ng, 24 kHz mono 16-bit little-endian; see README.txt. */
    static final String SPEECH_24K = "speech-24k.pcm";

    private Signals() {}

    static short[] speech24k() {
        byte[] bytes = resource(SPEECH_24K);
        short[] samples = new short[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        return samples;
    }

    static byte[] resource(String name) {
        try (InputStream in = Signals.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Normalised correlation of {@code a[i]} with {@code b[i + lag]} over {@code [from, to)} of {@code a}. */
    static double correlation(short[] a, short[] b, int lag, int from, int to) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = from; i < to && i + lag < b.length; i++) {
            ab += (double) a[i] * b[i + lag];
            aa += (double) a[i] * a[i];
            bb += (double) b[i + lag] * b[i + lag];
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    /** The lag in [0, maxLag] at which {@code decoded} best matches {@code original}: the codec's delay. */
    static int delay(short[] original, short[] decoded, int maxLag) {
        int best = 0;
        double bestCorrelation = -1;
        for (int lag = 0; lag <= maxLag; lag++) {
            double c = correlation(original, decoded, lag, 0, original.length - maxLag);
            if (c > bestCorrelation) {
                bestCorrelation = c;
                best = lag;
            }
        }
        return best;
    }

    /** Signal-to-error ratio in dB of {@code test} against {@code reference} over {@code [from, from + length)}. */
    static double snrDb(short[] reference, short[] test, int from, int length) {
        double signal = 0;
        double error = 0;
        for (int i = from; i < from + length; i++) {
            signal += (double) reference[i] * reference[i];
            double d = reference[i] - test[i];
            error += d * d;
        }
        return 10 * Math.log10(signal / Math.max(error, 1));
    }

    /** Root-mean-square level over {@code [from, from + length)}. */
    static double rms(short[] samples, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / length);
    }
}
