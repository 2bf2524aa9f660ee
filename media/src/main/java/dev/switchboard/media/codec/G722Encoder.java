package dev.switchboard.media.codec;

import java.util.Objects;

/**
 * Streaming ITU-T G.722 encoder, 64 kbit/s (mode 1): 16 kHz mono 16-bit PCM in, one byte per two samples out,
 * bits 7–6 the higher sub-band codeword and bits 5–0 the lower, the octet that RFC 3551 §4.5.2 sends. Written
 * from the algorithm of G.722 in its 16-bit saturating fixed-point arithmetic. It produces ffmpeg's bytes exactly,
 * except on input loud enough to clip, where ffmpeg leaves out the LIMIT that the ITU-T reference applies to the
 * transmit QMF's outputs and this encoder keeps it ({@link G722QmfAnalysis}).
 *
 * <p>The encoder keeps its filter and ADPCM state between calls, and holds back the last sample of an odd-length
 * call until the next one, so any chunking of a signal gives the same bytes as encoding it at once. It is not
 * thread-safe: it belongs to one call's event loop. {@link #encode} allocates nothing.
 */
public final class G722Encoder {

    private final G722QmfAnalysis qmf = new G722QmfAnalysis();
    private final G722LowerBand lowerBand = new G722LowerBand();
    private final G722HigherBand higherBand = new G722HigherBand();
    private boolean hasHeldSample;
    private short heldSample;

    /** The most bytes {@link #encode} can write for {@code samples} input samples: one more than half when odd. */
    public int maxEncodedLength(int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("sample count must not be negative, was " + samples);
        }
        return (samples + 1) / 2;
    }

    /**
     * Encodes {@code length} samples of {@code pcm} from {@code offset}, writing one byte per complete pair of
     * samples (counting a sample held back from the previous call) into {@code out} from {@code outOffset}.
     *
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException if a range falls outside its array; nothing is consumed or written then
     */
    public int encode(short[] pcm, int offset, int length, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        Objects.checkFromIndexSize(outOffset, (length + (hasHeldSample ? 1 : 0)) / 2, out.length);
        int in = offset;
        int end = offset + length;
        int written = outOffset;
        if (hasHeldSample && in < end) {
            out[written++] = encodePair(heldSample, pcm[in++]);
            hasHeldSample = false;
        }
        for (; in + 1 < end; in += 2) {
            out[written++] = encodePair(pcm[in], pcm[in + 1]);
        }
        if (in < end) {
            heldSample = pcm[in];
            hasHeldSample = true;
        }
        return written - outOffset;
    }

    /** Forgets all input so far, back to the state G.722 defines at reset. */
    public void reset() {
        qmf.reset();
        lowerBand.reset();
        higherBand.reset();
        hasHeldSample = false;
        heldSample = 0;
    }

    private byte encodePair(short older, short newer) {
        qmf.split(older, newer);
        int lower = lowerBand.encode(qmf.lower());
        int higher = higherBand.encode(qmf.higher());
        return (byte) (higher << 6 | lower);
    }
}
