package dev.switchboard.media.voice;

import dev.switchboard.media.codec.G722;
import dev.switchboard.media.codec.G722Encoder;

/** G.722: 320 samples at 16 kHz make 160 bytes per 20 ms frame (RFC 3551 §4.5.2). */
final class G722FrameEncoder implements FrameEncoder {

    private static final int FRAME_SAMPLES = G722.SAMPLE_RATE / 50;

    private final G722Encoder encoder = new G722Encoder();

    @Override
    public int encode(short[] pcm, int offset, byte[] out, int outOffset) {
        return encoder.encode(pcm, offset, FRAME_SAMPLES, out, outOffset);
    }

    @Override
    public int maxPayloadBytes() {
        return FRAME_SAMPLES / G722.SAMPLES_PER_BYTE;
    }
}
