package dev.switchboard.media.codec;

import java.util.Objects;

/**
 * Streaming ITU-T G.722 decoder, 64 kbit/s (mode 1): each byte (bits 7–6 higher sub-band, 5–0 lower) becomes two
 * samples of 16 kHz mono 16-bit PCM. Written from the algorithm of G.722 in its 16-bit saturating fixed-point
 * arithmetic; it produces ffmpeg's samples exactly. Every byte value is a valid codeword, so no input is malformed.
 *
 * <p>The decoder keeps its ADPCM and filter state between calls, so any chunking of a byte stream decodes to the
 * same samples. Lost packets are not concealed (G.722 Appendices III and IV describe how): skipping one leaves the
 * decoder's predictors and scale factors out of step with the encoder's until they re-converge, which on the
 * speech fixture takes on the order of 100 ms. It is not thread-safe: it belongs to one call's event loop.
 * {@link #decode} allocates nothing.
 */
public final class G722Decoder {

    private final G722LowerBand lowerBand = new G722LowerBand();
    private final G722HigherBand higherBand = new G722HigherBand();
    private final G722QmfSynthesis qmf = new G722QmfSynthesis();

    /**
     * Decodes {@code length} bytes of {@code codes} from {@code offset} into {@code 2 * length} samples of
     * {@code out} from {@code outOffset}.
     *
     * @return the number of samples written, {@code 2 * length}
     * @throws IndexOutOfBoundsException if a range falls outside its array; nothing is consumed or written then
     */
    public int decode(byte[] codes, int offset, int length, short[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, codes.length);
        Objects.checkFromIndexSize(outOffset, Math.multiplyExact(length, G722.SAMPLES_PER_BYTE), out.length);
        int written = outOffset;
        for (int i = offset; i < offset + length; i++) {
            int code = codes[i] & 0xFF;
            int lower = lowerBand.decode(code & 0x3F);
            int higher = higherBand.decode(code >> 6);
            qmf.merge(lower, higher, out, written);
            written += 2;
        }
        return written - outOffset;
    }

    /** Forgets all input so far, back to the state G.722 defines at reset. */
    public void reset() {
        lowerBand.reset();
        higherBand.reset();
        qmf.reset();
    }
}
