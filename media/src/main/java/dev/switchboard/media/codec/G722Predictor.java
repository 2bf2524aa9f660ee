package dev.switchboard.media.codec;

import static dev.switchboard.media.codec.G722Math.multiply;
import static dev.switchboard.media.codec.G722Math.saturate;

import java.util.Arrays;

/**
 * The adaptive predictor of one G.722 sub-band (G.722, blocks PARREC, RECONS, UPZERO, UPPOL2, UPPOL1, FILTEZ,
 * FILTEP and PREDIC): a sixth-order zero section on the quantised difference signal and a second-order pole
 * section on the reconstructed signal, both adapted by sign-sign gradient steps with leakage. Encoder and decoder
 * run identical copies fed with the same quantised differences, so they predict identically.
 *
 * <p>The pole coefficients are kept inside the stability triangle: |a2| ≤ 0.75 and |a1| ≤ 15/16 − a2 (in Q14,
 * 12288 and 15360).
 */
final class G722Predictor {

    private static final int ZERO_ORDER = 6;
    /** Zero-coefficient leakage and pole a1 leakage, 255/256 in Q15 (UPZERO, UPPOL1). */
    private static final int LEAK_255_256 = 32_640;
    /** Pole a2 leakage, 127/128 in Q15 (UPPOL2). */
    private static final int LEAK_127_128 = 32_512;
    private static final int ZERO_STEP = 128;
    private static final int POLE_1_STEP = 192;
    private static final int POLE_2_STEP = 128;
    private static final int POLE_2_LIMIT = 12_288;
    private static final int POLE_1_LIMIT = 15_360;

    /** Zero coefficients b1..b6, at index 0..5. */
    private final int[] zeroCoefficients = new int[ZERO_ORDER];
    /** Past quantised differences d(n-1)..d(n-6), at index 0..5. */
    private final int[] differences = new int[ZERO_ORDER];
    private int pole1;
    private int pole2;
    /** Partially reconstructed signal p = d + sz of the last two samples (sign history for the pole update). */
    private int partial1;
    private int partial2;
    /** Reconstructed signal r = s + d of the last two samples. */
    private int reconstructed1;
    private int reconstructed2;
    private int zeroEstimate;
    private int estimate;

    /** The prediction s of the next sub-band sample (PREDIC). */
    int estimate() {
        return estimate;
    }

    /**
     * Takes the quantised difference d of the current sample, adapts the coefficients and predicts the next
     * sample.
     *
     * @return the reconstructed current sample s + d, before limiting (RECONS)
     */
    int update(int difference) {
        int partial = saturate(difference + zeroEstimate);
        int reconstructed = saturate(estimate + difference);
        adaptZeros(difference);
        adaptPoles(partial);
        partial2 = partial1;
        partial1 = partial;
        reconstructed2 = reconstructed1;
        reconstructed1 = reconstructed;
        zeroEstimate = zeroSection();
        estimate = saturate(poleSection() + zeroEstimate);
        return reconstructed;
    }

    void reset() {
        Arrays.fill(zeroCoefficients, 0);
        Arrays.fill(differences, 0);
        pole1 = pole2 = 0;
        partial1 = partial2 = 0;
        reconstructed1 = reconstructed2 = 0;
        zeroEstimate = estimate = 0;
    }

    /** UPZERO: each b(i) steps toward the sign agreement of d(n) and d(n-i); no step when d(n) is zero. */
    private void adaptZeros(int difference) {
        int step = difference == 0 ? 0 : ZERO_STEP;
        boolean negative = difference < 0;
        for (int i = ZERO_ORDER - 1; i >= 0; i--) {
            int signedStep = (differences[i] < 0) == negative ? step : -step;
            zeroCoefficients[i] = saturate(signedStep + multiply(zeroCoefficients[i], LEAK_255_256));
        }
        System.arraycopy(differences, 0, differences, 1, ZERO_ORDER - 1);
        differences[0] = difference;
    }

    /** UPPOL2 then UPPOL1 (which limits a1 with the new a2), driven by the signs of p(n), p(n-1), p(n-2). */
    private void adaptPoles(int partial) {
        boolean negative = partial < 0;
        boolean sameAsPrevious = (partial1 < 0) == negative;
        int gradient = saturate(pole1 << 2);
        if (sameAsPrevious) {
            gradient = saturate(-gradient);
        }
        int secondStep = (partial2 < 0) == negative ? POLE_2_STEP : -POLE_2_STEP;
        int newPole2 = saturate((gradient >> 7) + secondStep + multiply(pole2, LEAK_127_128));
        pole2 = Math.clamp(newPole2, -POLE_2_LIMIT, POLE_2_LIMIT);

        int firstStep = sameAsPrevious ? POLE_1_STEP : -POLE_1_STEP;
        int newPole1 = saturate(firstStep + multiply(pole1, LEAK_255_256));
        int pole1Limit = POLE_1_LIMIT - pole2;
        pole1 = Math.clamp(newPole1, -pole1Limit, pole1Limit);
    }

    /** FILTEZ: sz = Σ b(i)·d(n-i), summed from i = 6 down, each term in Q15 of twice the difference. */
    private int zeroSection() {
        int sum = 0;
        for (int i = ZERO_ORDER - 1; i >= 0; i--) {
            sum = saturate(sum + multiply(saturate(differences[i] << 1), zeroCoefficients[i]));
        }
        return sum;
    }

    /** FILTEP: sp = a1·r(n-1) + a2·r(n-2). */
    private int poleSection() {
        return saturate(multiply(pole1, saturate(reconstructed1 << 1))
                + multiply(pole2, saturate(reconstructed2 << 1)));
    }
}
