package dev.switchboard.media.audio;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;
import java.util.Arrays;

/**
 * Agent to caller: turns a chunk of the agent's audio into the call's G.711 codes, the payload bytes the playout
 * buffer holds and the pacing tick sends.
 *
 * <p>When the agent speaks the call's own law, its bytes pass through untouched: no decode and re-encode, which
 * would be lossless except for μ-law's negative zero (0x7F comes back as 0xFF). The other law is decoded and
 * encoded again; PCM is resampled to 8 kHz and encoded.
 *
 * <p>Threading: confined to the call's event loop. {@link #reset()} after a barge-in, so the filter history of
 * the cut-off speech does not bleed into the next response.
 */
public final class AgentAudioPath {

    private final G711 codec;
    private final MediaFormat agentOutput;
    private final boolean passThrough;
    private final Resampler resampler;
    /** The odd last byte of a PCM16 chunk, kept for the next one so a split sample is not lost. */
    private int pendingByte = -1;

    /**
     * @param codec       the call's law, which the output is in
     * @param agentOutput the format the agent's audio arrives in
     */
    public AgentAudioPath(G711 codec, MediaFormat agentOutput) {
        this.codec = codec;
        this.agentOutput = agentOutput;
        this.passThrough = switch (agentOutput.encoding()) {
            case PCMU -> codec == G711.MU_LAW;
            case PCMA -> codec == G711.A_LAW;
            case PCM16_LE -> false;
        };
        this.resampler = agentOutput.encoding() == MediaFormat.Encoding.PCM16_LE
                ? Resampler.create(agentOutput.sampleRate(), 8_000)
                : null;
    }

    /** Returns the codes for {@code audio}; the array is new and may be handed to the playout buffer. */
    public byte[] convert(byte[] audio) {
        if (passThrough) {
            return audio.clone();
        }
        short[] samples = toSamples(audio);
        byte[] codes = new byte[samples.length];
        codec.encode(samples, 0, samples.length, codes, 0);
        return codes;
    }

    public void reset() {
        if (resampler != null) {
            resampler.reset();
        }
        pendingByte = -1;
    }

    /** The agent's audio as 8 kHz samples, before encoding: resampled PCM, or the other law decoded. */
    short[] toSamples(byte[] audio) {
        return switch (agentOutput.encoding()) {
            case PCM16_LE -> resample(Pcm16.toSamples(evenBytes(audio)));
            case PCMU -> decode(G711.MU_LAW, audio);
            case PCMA -> decode(G711.A_LAW, audio);
        };
    }

    /** Joins a byte left over from the previous chunk and keeps this chunk's odd byte, if any, for the next. */
    private byte[] evenBytes(byte[] audio) {
        int total = audio.length + (pendingByte >= 0 ? 1 : 0);
        byte[] even = new byte[total & ~1];
        int at = 0;
        if (pendingByte >= 0 && even.length > 0) {
            even[at++] = (byte) pendingByte;
        }
        int fromAudio = even.length - at;
        System.arraycopy(audio, 0, even, at, fromAudio);
        if ((total & 1) == 1) {
            pendingByte = fromAudio < audio.length ? audio[audio.length - 1] & 0xFF : pendingByte;
        } else {
            pendingByte = -1;
        }
        return even;
    }

    private short[] resample(short[] input) {
        short[] output = new short[resampler.maxOutputLength(input.length)];
        int produced = resampler.process(input, 0, input.length, output, 0);
        return produced == output.length ? output : Arrays.copyOf(output, produced);
    }

    private static short[] decode(G711 law, byte[] audio) {
        short[] samples = new short[audio.length];
        law.decode(audio, 0, audio.length, samples, 0);
        return samples;
    }
}
