package dev.switchboard.media.voice;

import dev.switchboard.media.codec.G722;
import dev.switchboard.media.codec.G722Decoder;
import dev.switchboard.media.plc.PitchConcealer;

/**
 * G.722: two 16 kHz samples per byte. Lost packets are concealed on the decoded 16 kHz audio from its pitch (G.722
 * has no concealment of its own short of its Appendices III/IV); the decoder's adaptive state carries on from the
 * last good packet and settles again within a few tens of milliseconds.
 */
final class G722FrameDecoder implements FrameDecoder {

    private final G722Decoder decoder = new G722Decoder();
    private final PitchConcealer concealer = new PitchConcealer(G722.SAMPLE_RATE);

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        int samples = decoder.decode(payload, offset, length, out, outOffset);
        concealer.goodFrame(out, outOffset, samples);
        return samples;
    }

    @Override
    public int conceal(int samples, byte[] next, int nextOffset, int nextLength, short[] out, int outOffset) {
        concealer.conceal(out, outOffset, samples);
        return samples;
    }

    @Override
    public int maxSamples(int payloadBytes) {
        return payloadBytes * G722.SAMPLES_PER_BYTE;
    }
}
