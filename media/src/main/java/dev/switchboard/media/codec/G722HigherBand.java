package dev.switchboard.media.codec;

import static dev.switchboard.media.codec.G722Math.limit;
import static dev.switchboard.media.codec.G722Math.multiply;
import static dev.switchboard.media.codec.G722Math.saturate;

/**
 * ADPCM of the higher sub-band (4 to 8 kHz, sampled at 8 kHz), G.722 blocks SUBTRA, QUANTH, INVQAH, LOGSCH and
 * SCALEH, around a {@link G722Predictor}. Two bits per sample: the sign and whether |e| reaches the one decision
 * level. One instance is either an encoder or a decoder, never both.
 */
final class G722HigherBand {

    private final G722Predictor predictor = new G722Predictor();
    /** NBH, the log2 scale factor, in [0, 22528]. */
    private int logScale;
    /** DETH, the linear scale factor. */
    private int scale = G722Tables.HIGHER_INITIAL_SCALE;

    /** Encodes one higher sub-band sample into a 2-bit codeword. */
    int encode(int sample) {
        int difference = saturate(sample - predictor.estimate());
        boolean negative = difference < 0;
        int magnitude = negative ? -(difference + 1) : difference;
        int mih = magnitude >= multiply(G722Tables.Q2 << 3, scale) ? 2 : 1;
        int code = G722Tables.higherCode(mih, negative);
        adapt(code);
        return code;
    }

    /** Decodes a 2-bit codeword into the reconstructed higher sub-band sample. */
    int decode(int code) {
        return limit(adapt(code));
    }

    void reset() {
        predictor.reset();
        logScale = 0;
        scale = G722Tables.HIGHER_INITIAL_SCALE;
    }

    /** INVQAH, LOGSCH, SCALEH and the predictor update; returns the reconstructed sample before limiting. */
    private int adapt(int code) {
        int difference = multiply(G722Tables.HIGHER_LEVEL[code], scale);
        int leaked = multiply(logScale, G722Tables.LOG_SCALE_LEAK);
        logScale = Math.clamp(leaked + G722Tables.HIGHER_LOG_STEP[code], 0, G722Tables.HIGHER_LOG_SCALE_MAX);
        scale = G722Tables.scaleFactor(logScale, 10);
        return predictor.update(difference);
    }
}
