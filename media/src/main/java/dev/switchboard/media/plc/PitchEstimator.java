package dev.switchboard.media.plc;

/**
 * Finds the pitch period of the most recent speech by normalised cross-correlation (ITU-T G.711 Appendix I's
 * method): the last {@code window} samples are compared with the samples {@code lag} earlier, for every lag in
 * the search range, and the lag whose segment matches best is the period.
 *
 * <p>The score of a lag is {@code Σ x[n]·x[n-lag] / sqrt(Σ x[n-lag]²)}: only the lagged segment's energy
 * normalises it, since the reference segment is the same for every lag. The search runs coarse then fine: every
 * other lag over every other sample, then every sample for the best coarse lag and its two neighbours, which costs
 * about a quarter of the full search.
 */
final class PitchEstimator {

    private PitchEstimator() {
    }

    /**
     * The pitch period, in samples, of the signal ending at {@code end} in {@code signal}. Needs
     * {@code end >= window + maxLag}. A silent signal gives {@code maxLag}.
     */
    static int estimate(float[] signal, int end, int window, int minLag, int maxLag) {
        int best = maxLag;
        double bestScore = 0;
        for (int lag = minLag; lag <= maxLag; lag += 2) {
            double score = score(signal, end, window, lag, 2);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        int coarse = best;
        bestScore = 0;
        for (int lag = Math.max(minLag, coarse - 1); lag <= Math.min(maxLag, coarse + 1); lag++) {
            double score = score(signal, end, window, lag, 1);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    private static double score(float[] signal, int end, int window, int lag, int step) {
        double cross = 0;
        double energy = 0;
        for (int n = end - window; n < end; n += step) {
            double lagged = signal[n - lag];
            cross += signal[n] * lagged;
            energy += lagged * lagged;
        }
        return energy > 0 ? cross / Math.sqrt(energy) : 0;
    }
}
