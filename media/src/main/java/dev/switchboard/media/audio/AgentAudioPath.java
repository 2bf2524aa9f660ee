package dev.switchboard.media.audio;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;
import dev.switchboard.media.voice.VoiceCodec;
import java.util.Arrays;

/**
 * Agent to caller: turns a chunk of the agent's audio into what the playout buffer holds. For a G.711 call that
 * is the call's codes, the very payload bytes the pacing tick sends; for G.722 and Opus it is 16-bit PCM at the
 * encoder's rate, encoded a frame at a time by the tick.
 *
 * <p>When the agent speaks the call's own G.711 law, its bytes pass through untouched: no decode and re-encode,
 * which would be lossless except for μ-law's negative zero (0x7F comes back as 0xFF). Anything else is decoded
 * to PCM, resampled to the call's rate and encoded (G.711) or kept as PCM (the others).
 *
 * <p>Threading: confined to the call's event loop. {@link #reset()} after a barge-in, so the filter history of
 * the cut-off speech does not bleed into the next response.
 */
public final class AgentAudioPath {

    private final MediaFormat agentOutput;
    /** The call's law when the playout buffer holds codes; {@code null} when it holds PCM. */
    private final G711 callLaw;
    private final boolean passThrough;
    private final Resampler resampler;
    /** The odd last byte of a PCM16 chunk, kept for the next one so a split sample is not lost. */
    private int pendingByte = -1;

    /**
     * @param codec       the call's codec, which decides what the playout buffer holds
     * @param agentOutput the format the agent's audio arrives in
     */
    public AgentAudioPath(VoiceCodec codec, MediaFormat agentOutput) {
        this.agentOutput = agentOutput;
        this.callLaw = codec.law();
        this.passThrough = callLaw != null && callLaw == agentOutput.law();
        this.resampler = agentOutput.sampleRate() == codec.encodedRate() ? null
                : Resampler.create(agentOutput.sampleRate(), codec.encodedRate());
    }

    /** For a G.711 call in {@code law}. */
    public AgentAudioPath(G711 law, MediaFormat agentOutput) {
        this(new VoiceCodec.G711Voice(law), agentOutput);
    }

    /** Returns the playout bytes for {@code audio}; the array is new and may be handed to the playout buffer. */
    public byte[] convert(byte[] audio) {
        if (passThrough) {
            return audio.clone();
        }
        short[] samples = toSamples(audio);
        if (callLaw == null) {
            return Pcm16.toBytes(samples, samples.length);
        }
        byte[] codes = new byte[samples.length];
        callLaw.encode(samples, 0, samples.length, codes, 0);
        return codes;
    }

    public void reset() {
        if (resampler != null) {
            resampler.reset();
        }
        pendingByte = -1;
    }

    /** The agent's audio as samples at the call's rate: decoded or taken from PCM, then resampled. */
    short[] toSamples(byte[] audio) {
        short[] samples = switch (agentOutput.encoding()) {
            case PCM16_LE -> Pcm16.toSamples(evenBytes(audio));
            case PCMU -> decode(G711.MU_LAW, audio);
            case PCMA -> decode(G711.A_LAW, audio);
        };
        return resampler == null ? samples : resample(samples);
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
