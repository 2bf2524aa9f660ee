package dev.switchboard.media.voice;

import dev.switchboard.media.codec.opus.OpusDecoder;
import dev.switchboard.media.codec.opus.OpusPacketException;

/**
 * Opus: decodes straight to the rate the agent listens at; a lost frame is recovered from the next packet's
 * in-band FEC where that packet is known (RFC 6716 §2.1.7), else concealed by libopus. Holds native state.
 */
final class OpusFrameDecoder implements FrameDecoder {

    /** RFC 6716 §3.2.5: a packet carries at most 120 ms. */
    private static final int MAX_PACKET_MILLIS = 120;

    private final OpusDecoder decoder;
    private final int samplesPerMilli;

    OpusFrameDecoder(int sampleRate) {
        this.decoder = OpusDecoder.open(sampleRate);
        this.samplesPerMilli = sampleRate / 1000;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset)
            throws MalformedPayloadException {
        try {
            return decoder.decode(payload, offset, length, out, outOffset);
        } catch (OpusPacketException e) {
            throw new MalformedPayloadException(e.getMessage());
        }
    }

    /**
     * libopus conceals whole multiples of 2.5 ms up to 120 ms; a gap of any other length (a timestamp jump) is
     * concealed in such pieces and its odd remainder left silent.
     */
    @Override
    public int conceal(int samples, byte[] next, int nextOffset, int nextLength, short[] out, int outOffset) {
        int quantum = samplesPerMilli * 5 / 2;
        int done = 0;
        while (samples - done >= quantum) {
            int chunk = Math.min(samples - done, MAX_PACKET_MILLIS * samplesPerMilli);
            chunk -= chunk % quantum;
            boolean last = samples - done - chunk < quantum;
            done += last && next != null ? recover(chunk, next, nextOffset, nextLength, out, outOffset + done)
                    : decoder.decodeLost(chunk, out, outOffset + done);
        }
        java.util.Arrays.fill(out, outOffset + done, outOffset + samples, (short) 0);
        return samples;
    }

    private int recover(int samples, byte[] next, int offset, int length, short[] out, int outOffset) {
        try {
            return decoder.decodeFec(next, offset, length, samples, out, outOffset);
        } catch (OpusPacketException e) {
            return decoder.decodeLost(samples, out, outOffset);
        }
    }

    @Override
    public int maxSamples(int payloadBytes) {
        return MAX_PACKET_MILLIS * samplesPerMilli;
    }

    @Override
    public void close() {
        decoder.close();
    }
}
