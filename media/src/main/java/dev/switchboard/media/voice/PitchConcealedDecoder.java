package dev.switchboard.media.voice;

import dev.switchboard.media.plc.PitchConcealer;

/**
 * A codec without concealment of its own (G.711; G.722 short of its Appendices III/IV) with the pitch-based
 * concealer behind it: decoded audio feeds the concealer's history, and lost packets are made up from the pitch of
 * the speech before them.
 */
final class PitchConcealedDecoder implements FrameDecoder {

    /** Decodes a payload into PCM; returns the samples written. */
    @FunctionalInterface
    interface Decode {
        int decode(byte[] payload, int offset, int length, short[] out, int outOffset);
    }

    private final Decode decode;
    private final int samplesPerByte;
    private final PitchConcealer concealer;

    /**
     * @param sampleRate     the decoded PCM's rate
     * @param samplesPerByte 1 for G.711, 2 for G.722
     */
    PitchConcealedDecoder(int sampleRate, int samplesPerByte, Decode decode) {
        this.decode = decode;
        this.samplesPerByte = samplesPerByte;
        this.concealer = new PitchConcealer(sampleRate);
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        int samples = decode.decode(payload, offset, length, out, outOffset);
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
        return payloadBytes * samplesPerByte;
    }
}
