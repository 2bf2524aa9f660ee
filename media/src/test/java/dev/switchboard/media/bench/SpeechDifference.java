package dev.switchboard.media.bench;

/**
 * How far two resamplers' outputs of the same speech differ, once aligned: over the whole band, and within the
 * band both pass flat (up to {@link #FLAT_BAND} of the lower Nyquist frequency, 3.4 kHz when one side is 8 kHz).
 * Outside it the two differ by design (ours passes 90% of the lower Nyquist frequency, SoX 95%), so the whole-band
 * figure mostly measures how much speech lies in that sliver; the in-band figure is the sanity check.
 *
 * @param lag       the whole-sample shift of {@code a} against {@code b} at which they agree best
 * @param wholeDb   energy of the difference over the energy of {@code b}, all frequencies
 * @param inBandDb  the same below {@link #FLAT_BAND} of the lower Nyquist frequency (Hann-windowed spectra)
 */
record SpeechDifference(int lag, double wholeDb, double inBandDb) {

    static final double FLAT_BAND = 0.85;
    private static final int SEARCH = 8;
    /** Skipped at both ends: filter start-up and SoX's flushed tail. */
    private static final double MARGIN_SECONDS = 0.1;

    /** Compares {@code a[n + lag]} with {@code b[n]} for lags within ±8 samples of {@code expectedLag}. */
    static SpeechDifference of(short[] a, short[] b, int expectedLag, int rate, int lowerNyquist) {
        int from = (int) (MARGIN_SECONDS * rate) + SEARCH;
        int to = Math.min(a.length - expectedLag - SEARCH, b.length) - (int) (MARGIN_SECONDS * rate);
        int bestLag = expectedLag;
        double bestDb = Double.POSITIVE_INFINITY;
        for (int lag = expectedLag - SEARCH; lag <= expectedLag + SEARCH; lag++) {
            double db = wholeBandDb(a, b, lag, from, to);
            if (db < bestDb) {
                bestDb = db;
                bestLag = lag;
            }
        }
        double bandEdge = FLAT_BAND * lowerNyquist / rate;
        return new SpeechDifference(bestLag, bestDb, inBandDb(a, b, bestLag, from, to, bandEdge));
    }

    private static double wholeBandDb(short[] a, short[] b, int lag, int from, int to) {
        double error = 0;
        double energy = 0;
        for (int n = from; n < to; n++) {
            double difference = a[n + lag] - b[n];
            error += difference * difference;
            energy += (double) b[n] * b[n];
        }
        return 10 * Math.log10(error / energy);
    }

    /** Band energy ratio from the spectra of the Hann-windowed difference and reference (Parseval, per bin). */
    private static double inBandDb(short[] a, short[] b, int lag, int from, int to, double bandEdge) {
        int length = to - from;
        int size = Integer.highestOneBit(length - 1) << 1;
        double[] differenceRe = new double[size];
        double[] referenceRe = new double[size];
        for (int i = 0; i < length; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            differenceRe[i] = hann * (a[from + i + lag] - b[from + i]);
            referenceRe[i] = hann * b[from + i];
        }
        double[] differenceIm = new double[size];
        double[] referenceIm = new double[size];
        fft(differenceRe, differenceIm);
        fft(referenceRe, referenceIm);
        double error = 0;
        double energy = 0;
        for (int k = 0; k < bandEdge * size; k++) {
            error += differenceRe[k] * differenceRe[k] + differenceIm[k] * differenceIm[k];
            energy += referenceRe[k] * referenceRe[k] + referenceIm[k] * referenceIm[k];
        }
        return 10 * Math.log10(error / energy);
    }

    /** In-place iterative radix-2 FFT; the length is a power of two. */
    private static void fft(double[] re, double[] im) {
        int size = re.length;
        for (int i = 1, j = 0; i < size; i++) {
            int bit = size >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double swap = re[i];
                re[i] = re[j];
                re[j] = swap;
                swap = im[i];
                im[i] = im[j];
                im[j] = swap;
            }
        }
        for (int half = 1; half < size; half <<= 1) {
            double angle = -Math.PI / half;
            for (int k = 0; k < half; k++) {
                double cos = Math.cos(angle * k);
                double sin = Math.sin(angle * k);
                for (int start = 0; start < size; start += 2 * half) {
                    int p = start + k;
                    int q = p + half;
                    double tRe = re[q] * cos - im[q] * sin;
                    double tIm = re[q] * sin + im[q] * cos;
                    re[q] = re[p] - tRe;
                    im[q] = im[p] - tIm;
                    re[p] += tRe;
                    im[p] += tIm;
                }
            }
        }
    }
}
