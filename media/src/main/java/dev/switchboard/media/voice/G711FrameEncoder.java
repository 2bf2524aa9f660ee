package dev.switchboard.media.voice;

import dev.switchboard.media.codec.G711;

/** G.711: one code per 8 kHz sample, 160 bytes per 20 ms frame. Stateless, so nothing to close. */
final class G711FrameEncoder implements FrameEncoder {

    private static final int FRAME_SAMPLES = 160;

    private final G711 law;

    G711FrameEncoder(G711 law) {
        this.law = law;
    }

    @Override
    public int encode(short[] pcm, int offset, byte[] out, int outOffset) {
        law.encode(pcm, offset, FRAME_SAMPLES, out, outOffset);
        return FRAME_SAMPLES;
    }

    @Override
    public int maxPayloadBytes() {
        return FRAME_SAMPLES;
    }
}
