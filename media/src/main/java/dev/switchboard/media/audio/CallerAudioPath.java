package dev.switchboard.media.audio;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;

/**
 * Caller to agent: turns one RTP payload in the call's codec into audio in the agent's input format.
 *
 * <p>When the agent takes the call's own G.711 law, the payload passes through untouched: no decode, no resample,
 * no loss. When it takes the other law, each sample is decoded and encoded again. Otherwise
 * the payload is decoded to 8 kHz PCM and resampled to the agent's rate.
 *
 * <p>Threading: confined to the call's event loop (the resampler keeps filter history between packets).
 */
public final class CallerAudioPath {

    private final G711 codec;
    private final boolean passThrough;
    private final G711 agentLaw;
    private final Resampler resampler;
    private short[] decoded = new short[0];
    private short[] resampled = new short[0];

    public CallerAudioPath(G711 codec, MediaFormat agentInput) {
        this.codec = codec;
        this.agentLaw = switch (agentInput.encoding()) {
            case PCMU -> G711.MU_LAW;
            case PCMA -> G711.A_LAW;
            case PCM16_LE -> null;
        };
        this.passThrough = agentLaw == codec;
        this.resampler = agentLaw == null ? Resampler.create(8_000, agentInput.sampleRate()) : null;
    }

    /** Converts {@code length} payload bytes starting at {@code offset}; the result is a new array. */
    public byte[] convert(byte[] payload, int offset, int length) {
        if (passThrough) {
            return java.util.Arrays.copyOfRange(payload, offset, offset + length);
        }
        if (decoded.length < length) {
            decoded = new short[length];
            resampled = new short[resampler == null ? 0 : resampler.maxOutputLength(length)];
        }
        codec.decode(payload, offset, length, decoded, 0);
        if (agentLaw != null) {
            byte[] transcoded = new byte[length];
            agentLaw.encode(decoded, 0, length, transcoded, 0);
            return transcoded;
        }
        int produced = resampler.process(decoded, 0, length, resampled, 0);
        return Pcm16.toBytes(resampled, produced);
    }

    /** {@code samples} of silence in the agent's format, passed through the same path so filters stay in step. */
    public byte[] silence(int samples) {
        byte[] codes = new byte[samples];
        java.util.Arrays.fill(codes, codec.silence());
        return convert(codes, 0, samples);
    }
}
