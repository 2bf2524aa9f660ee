package dev.switchboard.media.audio;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;
import dev.switchboard.media.voice.VoiceCodec;
import java.util.Arrays;

/**
 * Caller to agent: turns the caller's decoded (or concealed) audio into the agent's input format.
 *
 * <p>When the agent takes the call's own G.711 law, received payloads pass through untouched ({@link #passThrough}):
 * no decode, no resample, no loss; only audio made up for lost packets is encoded. Otherwise the PCM, at the
 * codec's decoded rate, is resampled to the agent's rate and either kept as PCM16 or encoded in the agent's law.
 *
 * <p>Threading: confined to the call's event loop (the resampler keeps filter history between frames).
 */
public final class CallerAudioPath {

    private final G711 agentLaw;
    /** The call's law for a G.711 call, else {@code null}. */
    private final G711 callLaw;
    private final boolean passThrough;
    private final Resampler resampler;
    private short[] resampled = new short[0];
    private short[] zeros = new short[0];

    /**
     * @param codec      the call's codec: its decoded rate is what {@link #convert} receives
     * @param agentInput what the agent takes
     */
    public CallerAudioPath(VoiceCodec codec, MediaFormat agentInput) {
        this.agentLaw = agentInput.law();
        this.callLaw = codec.law();
        this.passThrough = agentLaw != null && callLaw == agentLaw;
        this.resampler = codec.decodedRate() == agentInput.sampleRate() ? null
                : Resampler.create(codec.decodedRate(), agentInput.sampleRate());
    }

    /** For a G.711 call in {@code law}. */
    public CallerAudioPath(G711 law, MediaFormat agentInput) {
        this(new VoiceCodec.G711Voice(law), agentInput);
    }

    /** Whether received payloads go to the agent as they are, through {@link #passThrough}. */
    public boolean passesThrough() {
        return passThrough;
    }

    /** A received payload in the agent's own law, copied as it is: only when {@link #passesThrough()}. */
    public byte[] passThrough(byte[] payload, int offset, int length) {
        return Arrays.copyOfRange(payload, offset, offset + length);
    }

    /** Converts {@code length} samples of PCM at the codec's decoded rate; the result is a new array. */
    public byte[] convert(short[] pcm, int offset, int length) {
        short[] samples = pcm;
        int from = offset;
        int count = length;
        if (resampler != null) {
            if (resampled.length < resampler.maxOutputLength(length)) {
                resampled = new short[resampler.maxOutputLength(length)];
            }
            count = resampler.process(pcm, offset, length, resampled, 0);
            samples = resampled;
            from = 0;
        }
        if (agentLaw == null) {
            return Pcm16.toBytes(samples, from, count);
        }
        byte[] codes = new byte[count];
        agentLaw.encode(samples, from, count, codes, 0);
        return codes;
    }

    /**
     * A G.711 call's payload in the agent's format: passed through when the agent takes the call's law, else
     * decoded and converted. Without loss concealment: for audio that is known to be whole.
     */
    public byte[] convert(byte[] payload, int offset, int length) {
        if (passThrough) {
            return passThrough(payload, offset, length);
        }
        if (callLaw == null) {
            throw new IllegalStateException("not a G.711 call: decode the payload first");
        }
        short[] pcm = new short[length];
        callLaw.decode(payload, offset, length, pcm, 0);
        return convert(pcm, 0, length);
    }

    /**
     * {@code samples} of silence (at the codec's decoded rate) in the agent's format, through the same path as
     * audio so the resampler's history stays in step.
     */
    public byte[] silence(int samples) {
        if (zeros.length < samples) {
            zeros = new short[samples];
        }
        return convert(zeros, 0, samples);
    }

    /** Silence as long as {@code audio}, in the same (agent's) format: for a caller on hold. */
    public byte[] silenceLike(byte[] audio) {
        byte[] quiet = new byte[audio.length];
        if (agentLaw != null) {
            Arrays.fill(quiet, agentLaw.silence());
        }
        return quiet;
    }
}
