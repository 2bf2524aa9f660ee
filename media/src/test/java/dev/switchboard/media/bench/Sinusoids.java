package dev.switchboard.media.bench;

/**
 * Pure tones and least-squares sinusoid fits, the measuring instruments of {@link ResamplerBenchmark}.
 *
 * <p>Measuring against a fitted sine rather than a sine computed from a known delay treats every resampler
 * alike, whatever its delay and whether or not it compensates it: the fit finds each one's amplitude and phase.
 * Frequencies are whole hertz, so phases are computed exactly from {@code (f * n) mod rate} instead of from a
 * growing {@code omega * n} whose rounding would itself show up as error at 16-bit resolution.
 */
final class Sinusoids {

    private Sinusoids() {
    }

    /** {@code seconds} of a sine starting at phase 0, rounded to 16 bits. */
    static short[] tone(int rate, int frequency, double amplitude, double seconds) {
        short[] samples = new short[(int) Math.round(rate * seconds)];
        for (int n = 0; n < samples.length; n++) {
            samples[n] = (short) Math.round(amplitude * Math.sin(phase(rate, frequency, n)));
        }
        return samples;
    }

    /** Root mean square of samples [from, to). */
    static double rms(short[] samples, int from, int to) {
        double energy = 0;
        for (int n = from; n < to; n++) {
            energy += (double) samples[n] * samples[n];
        }
        return Math.sqrt(energy / (to - from));
    }

    /**
     * Energy of the best-fitting sine of {@code frequency} over the energy of everything else in samples
     * [from, to): SINAD in dB, so noise, distortion, aliases and images all count as error.
     */
    static double snrDb(short[] samples, int rate, int frequency, int from, int to) {
        Fit fit = fit(samples, rate, new int[] {frequency}, from, to);
        double signal = 0;
        double residue = 0;
        for (int n = from; n < to; n++) {
            double sine = fit.at(n);
            signal += sine * sine;
            residue += (samples[n] - sine) * (samples[n] - sine);
        }
        return 10 * Math.log10(signal / residue);
    }

    /**
     * Jointly fits {@code a_k cos(w_k n) + b_k sin(w_k n)} for every frequency to samples [from, to) (normal
     * equations, solved by Gaussian elimination): a joint fit keeps a strong tone from leaking into the estimate
     * of a weak one beside it, which separate fits over a finite window would not.
     */
    static Fit fit(short[] samples, int rate, int[] frequencies, int from, int to) {
        int unknowns = 2 * frequencies.length;
        double[][] normal = new double[unknowns][unknowns + 1];
        double[] basis = new double[unknowns];
        for (int n = from; n < to; n++) {
            fillBasis(basis, rate, frequencies, n);
            for (int i = 0; i < unknowns; i++) {
                for (int j = 0; j < unknowns; j++) {
                    normal[i][j] += basis[i] * basis[j];
                }
                normal[i][unknowns] += basis[i] * samples[n];
            }
        }
        return new Fit(rate, frequencies.clone(), solve(normal));
    }

    /** A sum of sinusoids: {@code coefficients[2k]} is the cosine and {@code [2k + 1]} the sine weight of the k-th. */
    record Fit(int rate, int[] frequencies, double[] coefficients) {

        /** Peak amplitude of the k-th sinusoid. */
        double amplitude(int k) {
            return Math.hypot(coefficients[2 * k], coefficients[2 * k + 1]);
        }

        double at(int n) {
            double value = 0;
            for (int k = 0; k < frequencies.length; k++) {
                double phase = phase(rate, frequencies[k], n);
                value += coefficients[2 * k] * Math.cos(phase) + coefficients[2 * k + 1] * Math.sin(phase);
            }
            return value;
        }
    }

    private static void fillBasis(double[] basis, int rate, int[] frequencies, int n) {
        for (int k = 0; k < frequencies.length; k++) {
            double phase = phase(rate, frequencies[k], n);
            basis[2 * k] = Math.cos(phase);
            basis[2 * k + 1] = Math.sin(phase);
        }
    }

    private static double phase(int rate, int frequency, int n) {
        return 2 * Math.PI * Math.floorMod((long) frequency * n, rate) / rate;
    }

    /** Solves the augmented system in place by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] augmented) {
        int size = augmented.length;
        for (int column = 0; column < size; column++) {
            int pivot = column;
            for (int row = column + 1; row < size; row++) {
                if (Math.abs(augmented[row][column]) > Math.abs(augmented[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = augmented[column];
            augmented[column] = augmented[pivot];
            augmented[pivot] = swap;
            for (int row = column + 1; row < size; row++) {
                double factor = augmented[row][column] / augmented[column][column];
                for (int k = column; k <= size; k++) {
                    augmented[row][k] -= factor * augmented[column][k];
                }
            }
        }
        double[] solution = new double[size];
        for (int row = size - 1; row >= 0; row--) {
            double sum = augmented[row][size];
            for (int k = row + 1; k < size; k++) {
                sum -= augmented[row][k] * solution[k];
            }
            solution[row] = sum / augmented[row][row];
        }
        return solution;
    }
}
