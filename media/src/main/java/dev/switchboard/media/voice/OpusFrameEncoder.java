package dev.switchboard.media.voice;

import dev.switchboard.media.codec.opus.OpusEncoder;
import dev.switchboard.media.codec.opus.OpusEncoderSettings;

/** Opus: one packet per 20 ms frame, or none when DTX finds nothing worth sending. Holds native state. */
final class OpusFrameEncoder implements FrameEncoder {

    private final OpusEncoder encoder;
    private final int frameSamples;

    OpusFrameEncoder(OpusEncoderSettings settings) {
        OpusEncoderSettings twentyMillis = settings.frameMillis() == 20 ? settings
                : new OpusEncoderSettings(settings.sampleRate(), 20, settings.bitrate(), settings.complexity(),
                        settings.inbandFec(), settings.packetLossPercent(), settings.dtx(), settings.cbr(),
                        settings.maxPlaybackRate());
        this.encoder = OpusEncoder.open(twentyMillis);
        this.frameSamples = twentyMillis.frameSamples();
    }

    @Override
    public int encode(short[] pcm, int offset, byte[] out, int outOffset) {
        return encoder.encode(pcm, offset, frameSamples, out, outOffset);
    }

    @Override
    public int maxPayloadBytes() {
        return OpusEncoder.MAX_PACKET_BYTES;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
