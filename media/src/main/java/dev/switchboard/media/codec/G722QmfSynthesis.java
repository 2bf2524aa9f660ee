package dev.switchboard.media.codec;

import java.util.Arrays;

/**
 * The G.722 receive quadrature mirror filter (G.722, receive QMF): interleaves the reconstructed lower and
 * higher sub-band signals back into 16 kHz audio. From xd = rL − rH and xs = rL + rH it computes the earlier
 * output as Σ h(2i)·xd(j−i) and the later as Σ h(2i+1)·xs(j−i), for i = 0..11. The coefficients are scaled by
 * 2^13 and the output is shifted right by 11, which restores the factor of 2 lost in the split and brings the
 * 15-bit sub-bands back to 16-bit audio, then saturates.
 */
final class G722QmfSynthesis {

    private static final int TAPS = G722Tables.QMF.length;

    /** Past xs and xd interleaved (xd newest), twice over from {@link #newest}, so the window is contiguous. */
    private final int[] history = new int[2 * TAPS];
    private int newest;

    /**
     * Writes the two output samples of one pair of sub-band samples into {@code out} at {@code offset}. The
     * sub-band samples are limited to 15 bits, so their sum and difference fit 16 bits.
     */
    void merge(int lower, int higher, short[] out, int offset) {
        push(lower + higher);
        push(lower - higher);
        int earlier = 0;
        int later = 0;
        for (int i = 0; i < TAPS; i += 2) {
            earlier += G722Tables.QMF[i] * history[newest + i];
            later += G722Tables.QMF[i + 1] * history[newest + i + 1];
        }
        out[offset] = (short) G722Math.saturate(earlier >> 11);
        out[offset + 1] = (short) G722Math.saturate(later >> 11);
    }

    void reset() {
        Arrays.fill(history, 0);
        newest = 0;
    }

    private void push(int sample) {
        newest = newest == 0 ? TAPS - 1 : newest - 1;
        history[newest] = sample;
        history[newest + TAPS] = sample;
    }
}
