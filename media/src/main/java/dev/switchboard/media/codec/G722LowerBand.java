package dev.switchboard.media.codec;

import static dev.switchboard.media.codec.G722Math.limit;
import static dev.switchboard.media.codec.G722Math.multiply;
import static dev.switchboard.media.codec.G722Math.saturate;

/**
 * ADPCM of the lower sub-band (0 to 4 kHz at 8 kHz sampling), G.722 blocks SUBTRA, QUANTL, INVQAL, INVQBL,
 * LOGSCL and SCALEL, around a {@link G722Predictor}.
 *
 * <p>The difference from the prediction is quantised with 6 bits (64 kbit/s, mode 1) but the predictor and the
 * scale factor adapt only on the codeword's top four bits. That embedded structure is what lets a network take the
 * one or two least significant bits for data (modes 2 and 3) without the decoder's adaptation drifting from the
 * encoder's. One instance is either an encoder or a decoder, never both.
 */
final class G722LowerBand {

    private final G722Predictor predictor = new G722Predictor();
    /** NBL, the log2 scale factor, in [0, 18432]. */
    private int logScale;
    /** DETL, the linear scale factor the quantiser levels are multiplied by. */
    private int scale = G722Tables.LOWER_INITIAL_SCALE;

    /** Encodes one lower sub-band sample into a 6-bit codeword. */
    int encode(int sample) {
        int difference = saturate(sample - predictor.estimate());
        int code = quantise(difference);
        adapt(code);
        return code;
    }

    /** Decodes a 6-bit codeword (mode 1) into the reconstructed lower sub-band sample. */
    int decode(int code) {
        int difference = multiply(scale, G722Tables.LOWER_LEVEL_6[code]);
        int sample = limit(saturate(predictor.estimate() + difference));
        adapt(code);
        return sample;
    }

    void reset() {
        predictor.reset();
        logScale = 0;
        scale = G722Tables.LOWER_INITIAL_SCALE;
    }

    /**
     * QUANTL: the interval MIL (1..30) whose scaled decision levels bracket |e|, where a negative e is measured
     * as -(e + 1), the 16-bit one's complement.
     */
    private int quantise(int difference) {
        boolean negative = difference < 0;
        int magnitude = negative ? -(difference + 1) : difference;
        int mil = 1;
        while (mil < G722Tables.LOWER_INTERVALS
                && multiply(G722Tables.Q6[mil] << 3, scale) <= magnitude) {
            mil++;
        }
        return G722Tables.lowerCode(mil, negative);
    }

    /** INVQAL, LOGSCL, SCALEL and the predictor update, all on the top four bits of the codeword. */
    private void adapt(int code) {
        int top4 = code >> 2;
        int difference = multiply(scale, G722Tables.LOWER_LEVEL_4[top4]);
        int leaked = multiply(logScale, G722Tables.LOG_SCALE_LEAK);
        logScale = Math.clamp(leaked + G722Tables.LOWER_LOG_STEP[top4], 0, G722Tables.LOWER_LOG_SCALE_MAX);
        scale = G722Tables.scaleFactor(logScale, 8);
        predictor.update(difference);
    }
}
