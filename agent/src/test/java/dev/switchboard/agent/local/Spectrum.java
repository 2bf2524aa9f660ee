package dev.switchboard.agent.local;

/**
 * The power spectrum of a stretch of samples, for checking audio quality in tests: a 4-term Blackman-Harris window
 * (side lobes 92 dB down, so leakage does not hide distortion) and a radix-2 FFT.
 */
final class Spectrum {

    private final double[] power;
    private final double binHz;

    /** The spectrum of the {@code size} samples (a power of two) in the middle of {@code samples}. */
    Spectrum(short[] samples, int size, int sampleRate) {
        if (Integer.bitCount(size) != 1 || size > samples.length) {
            throw new IllegalArgumentException("size must be a power of two within the signal, got " + size);
        }
        double[] re = new double[size];
        double[] im = new double[size];
        int offset = (samples.length - size) / 2;
        for (int i = 0; i < size; i++) {
            double phase = 2 * Math.PI * i / (size - 1);
            double window = 0.35875 - 0.48829 * Math.cos(phase) + 0.14128 * Math.cos(2 * phase)
                    - 0.01168 * Math.cos(3 * phase);
            re[i] = samples[offset + i] * window;
        }
        fft(re, im);
        power = new double[size / 2];
        for (int k = 0; k < power.length; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        binHz = (double) sampleRate / size;
    }

    /** The frequency of the strongest bin. */
    double peakHz() {
        int peak = 1;
        for (int k = 1; k < power.length; k++) {
            if (power[k] > power[peak]) {
                peak = k;
            }
        }
        return peak * binHz;
    }

    /** Energy outside {@code hz ± widthHz} relative to the energy inside it, in dB (negative: weaker). */
    double otherEnergyDb(double hz, double widthHz) {
        double inside = 0;
        double outside = 0;
        for (int k = 1; k < power.length; k++) {
            if (Math.abs(k * binHz - hz) <= widthHz) {
                inside += power[k];
            } else {
                outside += power[k];
            }
        }
        return 10 * Math.log10(outside / inside);
    }

    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = start + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
