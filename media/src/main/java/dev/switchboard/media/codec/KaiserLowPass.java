package dev.switchboard.media.codec;

/**
 * Linear-phase low-pass FIR prototypes: an ideal (sinc) low-pass shaped by a Kaiser window, sized with Kaiser's
 * empirical formulas (J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window function",
 * 1974; Oppenheim &amp; Schafer, Discrete-Time Signal Processing, "Kaiser window filter design method"). The
 * window trades main-lobe width against side-lobe level through one parameter, beta, so a required stopband
 * attenuation maps directly to beta and a required transition width to the length.
 *
 * <p>Uses {@link StrictMath} so that the coefficients, and with them every resampled sample, are the same on
 * every platform.
 */
final class KaiserLowPass {

    /** Terms of the I0 power series stop once they no longer change a double. */
    private static final double SERIES_TOLERANCE = 1e-17;

    private KaiserLowPass() {
    }

    /** Kaiser's beta for a stopband attenuation in dB (valid above 50 dB, which is all this codebase needs). */
    static double beta(double attenuationDb) {
        if (attenuationDb <= 50) {
            throw new IllegalArgumentException("attenuation must exceed 50 dB, was " + attenuationDb);
        }
        return 0.1102 * (attenuationDb - 8.7);
    }

    /** Kaiser's estimate of the order (length − 1) for an attenuation and a transition width in cycles/sample. */
    static double order(double attenuationDb, double transitionWidth) {
        return (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth);
    }

    /**
     * A symmetric low-pass of {@code 2 * centre} taps centred on tap {@code centre}: tap 0 is zero, so the
     * non-zero part has odd length {@code 2 * centre - 1} and the group delay is exactly {@code centre} samples.
     *
     * @param cutoff the −6 dB frequency in cycles per sample (0 to 0.5)
     * @param gain   the DC gain (an interpolator by L needs L, since zero-stuffing divides the signal by L)
     */
    static double[] design(int centre, double cutoff, double beta, double gain) {
        double[] taps = new double[2 * centre];
        double windowNorm = besselI0(beta);
        for (int n = 1; n < taps.length; n++) {
            double offset = n - centre;
            double relative = offset / centre;
            double window = besselI0(beta * Math.sqrt(1 - relative * relative)) / windowNorm;
            taps[n] = gain * 2 * cutoff * sinc(2 * cutoff * offset) * window;
        }
        return taps;
    }

    /** Modified Bessel function of the first kind, order 0: the sum over k of ((x/2)^k / k!)^2. */
    static double besselI0(double x) {
        double halfX = x / 2;
        double term = 1;
        double sum = 1;
        for (int k = 1; term > SERIES_TOLERANCE * sum; k++) {
            double factor = halfX / k;
            term *= factor * factor;
            sum += term;
        }
        return sum;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : StrictMath.sin(Math.PI * x) / (Math.PI * x);
    }
}
