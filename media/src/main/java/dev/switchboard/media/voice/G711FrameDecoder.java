package dev.switchboard.media.voice;

import dev.switchboard.media.codec.G711;
import dev.switchboard.media.plc.PitchConcealer;

/** G.711: one sample per byte; lost packets are concealed from the pitch of the speech before them. */
final class G711FrameDecoder implements FrameDecoder {

    private final G711 law;
    private final PitchConcealer concealer = new PitchConcealer(8_000);

    G711FrameDecoder(G711 law) {
        this.law = law;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        law.decode(payload, offset, length, out, outOffset);
        concealer.goodFrame(out, outOffset, length);
        return length;
    }

    @Override
    public int conceal(int samples, byte[] next, int nextOffset, int nextLength, short[] out, int outOffset) {
        concealer.conceal(out, outOffset, samples);
        return samples;
    }

    @Override
    public int maxSamples(int payloadBytes) {
        return payloadBytes;
    }
}
