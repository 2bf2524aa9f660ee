package dev.switchboard.media.codec;

/**
 * The anti-imaging / anti-aliasing low-pass of a rational resampler by {@code up/down}, split into its
 * {@code up} polyphase branches. Immutable, so one instance per ratio is shared by every call.
 *
 * <p>The prototype runs at the intermediate rate {@code up * inputRate}. Its passband reaches 90% of the lower
 * Nyquist frequency and its stopband starts at the lower Nyquist frequency, so the sinc cut-off sits in the
 * middle (95%). Its centre is a multiple of {@code up * down}, which makes the group delay a whole number of both
 * input and output samples (this is what lets a test line a round trip up sample for sample).
 */
final class PolyphaseFilter {

    /** Passband edge as a fraction of the lower Nyquist frequency: 3.6 kHz on an 8 kHz side. */
    static final double PASSBAND_EDGE = 0.9;
    /** Stopband edge as a fraction of the lower Nyquist frequency: 4 kHz on an 8 kHz side. */
    static final double STOPBAND_EDGE = 1.0;
    /**
     * Attenuation the window is sized for: well above the 80 dB requirement, so that what leaks through rounds away
     * in 16-bit output, as SoX's high-quality rate does; 18% more taps and delay than 86 dB would take.
     */
    static final double DESIGN_ATTENUATION_DB = 100;

    /** Passes samples through unchanged: one branch of one unit tap. */
    static final PolyphaseFilter IDENTITY = new PolyphaseFilter(1, 1, new double[] {1}, 0);

    private final int up;
    private final int down;
    private final int tapsPerPhase;
    private final double[] prototype;
    private final double[] branches;
    private final int delay;

    private PolyphaseFilter(int up, int down, double[] prototype, int centre) {
        this.up = up;
        this.down = down;
        this.prototype = prototype;
        this.tapsPerPhase = prototype.length / up;
        this.delay = centre / down;
        this.branches = new double[prototype.length];
        for (int phase = 0; phase < up; phase++) {
            for (int i = 0; i < tapsPerPhase; i++) {
                // Reversed so that a dot product runs over the history from oldest to newest sample.
                branches[phase * tapsPerPhase + tapsPerPhase - 1 - i] = prototype[phase + i * up];
            }
        }
    }

    /** Designs the filter for a reduced ratio ({@code up} and {@code down} coprime, not both 1). */
    static PolyphaseFilter design(int up, int down) {
        int factor = Math.max(up, down);
        double lowerNyquist = 0.5 / factor;
        double transition = (STOPBAND_EDGE - PASSBAND_EDGE) * lowerNyquist;
        double cutoff = (PASSBAND_EDGE + STOPBAND_EDGE) / 2 * lowerNyquist;
        int minimumCentre = (int) Math.ceil(KaiserLowPass.order(DESIGN_ATTENUATION_DB, transition) / 2) + 1;
        int centre = ceilToMultiple(minimumCentre, up * down);
        double beta = KaiserLowPass.beta(DESIGN_ATTENUATION_DB);
        return new PolyphaseFilter(up, down, KaiserLowPass.design(centre, cutoff, beta, up), centre);
    }

    int up() {
        return up;
    }

    int down() {
        return down;
    }

    /** Multiply-adds per output sample. */
    int tapsPerPhase() {
        return tapsPerPhase;
    }

    /** Group delay in output samples. */
    int delay() {
        return delay;
    }

    /** The prototype at the intermediate rate, for measuring the frequency response. */
    double[] prototype() {
        return prototype.clone();
    }

    /**
     * One output sample: the dot product of branch {@code phase} with the {@code tapsPerPhase} history samples
     * starting at {@code start} (oldest first).
     */
    double apply(int phase, double[] history, int start) {
        int base = phase * tapsPerPhase;
        // Four partial sums break the floating-point add dependency chain; the order is fixed, so results
        // do not depend on how the input was chunked.
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        int i = 0;
        for (; i + 3 < tapsPerPhase; i += 4) {
            a += branches[base + i] * history[start + i];
            b += branches[base + i + 1] * history[start + i + 1];
            c += branches[base + i + 2] * history[start + i + 2];
            d += branches[base + i + 3] * history[start + i + 3];
        }
        for (; i < tapsPerPhase; i++) {
            a += branches[base + i] * history[start + i];
        }
        return (a + b) + (c + d);
    }

    private static int ceilToMultiple(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
