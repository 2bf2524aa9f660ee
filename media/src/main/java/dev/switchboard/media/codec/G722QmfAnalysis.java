package dev.switchboard.media.codec;

import static dev.switchboard.media.codec.G722Math.limit;

import java.util.Arrays;

/**
 * The G.722 transmit quadrature mirror filter (G.722, transmit QMF): splits 16 kHz audio into a lower and a
 * higher sub-band signal at 8 kHz, one pair of input samples per pair of sub-band samples. With x(j) the newer
 * sample of the pair, xA = Σ h(2i)·x(j−2i) and xB = Σ h(2i+1)·x(j−2i−1) for i = 0..11; the lower band is
 * xA + xB and the higher band xA − xB. With 16-bit input and coefficients scaled by 2^13 the sums are shifted
 * right by 14, so each sub-band carries half the input's amplitude in 15 bits, and then limited to 15 bits as
 * the ITU-T reference code does. Only input near full scale reaches the limit; ffmpeg's encoder omits it, so the
 * two encoders part ways on such input (both streams stay valid G.722).
 */
final class G722QmfAnalysis {

    private static final int TAPS = G722Tables.QMF.length;

    /** The last 24 input samples twice over, newest first from {@link #newest}, so the window is contiguous. */
    private final int[] history = new int[2 * TAPS];
    private int newest;
    private int lower;
    private int higher;

    /** Filters the next two input samples, {@code older} then {@code newer}; read the result with the getters. */
    void split(int older, int newer) {
        push(older);
        push(newer);
        int even = 0;
        int odd = 0;
        for (int i = 0; i < TAPS; i += 2) {
            even += G722Tables.QMF[i] * history[newest + i];
            odd += G722Tables.QMF[i + 1] * history[newest + i + 1];
        }
        lower = limit((even + odd) >> 14);
        higher = limit((even - odd) >> 14);
    }

    /** The lower sub-band sample from the last {@link #split}. */
    int lower() {
        return lower;
    }

    /** The higher sub-band sample from the last {@link #split}. */
    int higher() {
        return higher;
    }

    void reset() {
        Arrays.fill(history, 0);
        newest = 0;
        lower = 0;
        higher = 0;
    }

    private void push(int sample) {
        newest = newest == 0 ? TAPS - 1 : newest - 1;
        history[newest] = sample;
        history[newest + TAPS] = sample;
    }
}
