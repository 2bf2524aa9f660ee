package dev.switchboard.media.audio;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;

/**
 * Agent to caller: turns a chunk of the agent's audio into samples at the call's 8 kHz codec rate, ready for the
 * playout buffer.
 *
 * <p>Threading: confined to the call's event loop. {@link #reset()} after a barge-in, so the filter history of
 * the cut-off speech does not bleed into the next response.
 */
public final class AgentAudioPath {

    private final MediaFormat agentFormat;
    private final Resampler resampler;
    /** The odd last byte of a PCM16 chunk, kept for the next one so a split sample is not lost. */
    private int pendingByte = -1;

    public AgentAudioPath(MediaFormat agentFormat) {
        this.agentFormat = agentFormat;
        this.resampler = agentFormat.encoding() == MediaFormat.Encoding.PCM16_LE
                ? Resampler.create(agentFormat.sampleRate(), 8_000)
                : null;
    }

    /** Returns the 8 kHz samples for {@code audio}; the array is new and may be handed to the playout buffer. */
    public short[] convert(byte[] audio) {
        return switch (agentFormat.encoding()) {
            case PCM16_LE -> resample(Pcm16.toSamples(evenBytes(audio)));
            case PCMU -> decode(G711.MU_LAW, audio);
            case PCMA -> decode(G711.A_LAW, audio);
        };
    }

    public void reset() {
        if (resampler != null) {
            resampler.reset();
        }
        pendingByte = -1;
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
        return produced == output.length ? output : java.util.Arrays.copyOf(output, produced);
    }

    private static short[] decode(G711 law, byte[] audio) {
        short[] samples = new short[audio.length];
        law.decode(audio, 0, audio.length, samples, 0);
        return samples;
    }
}
