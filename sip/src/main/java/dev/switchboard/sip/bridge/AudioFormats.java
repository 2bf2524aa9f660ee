package dev.switchboard.sip.bridge;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.audio.Pcm16;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;

/** Translates between the agent API's audio formats and the media engine's, which know nothing of each other. */
public final class AudioFormats {

    private AudioFormats() {}

    /** Converts 24 kHz PCM16 (the offline voice's output) to {@code target}: resampled, and G.711-encoded. */
    public static byte[] fromPcm24k(byte[] pcm24k, AudioFormat target) {
        if (target.equals(AudioFormat.PCM16_24K)) {
            return pcm24k;
        }
        short[] samples = Pcm16.toSamples(pcm24k);
        Resampler resampler = Resampler.create(24_000, target.sampleRate());
        short[] resampled = new short[resampler.maxOutputLength(samples.length)];
        int length = resampler.process(samples, 0, samples.length, resampled, 0);
        return switch (target.encoding()) {
            case PCM16 -> Pcm16.toBytes(resampled, length);
            case PCMU -> encode(G711.MU_LAW, resampled, length);
            case PCMA -> encode(G711.A_LAW, resampled, length);
        };
    }

    private static byte[] encode(G711 law, short[] samples, int length) {
        byte[] codes = new byte[length];
        law.encode(samples, 0, length, codes, 0);
        return codes;
    }

    public static MediaFormat toMedia(AudioFormat format) {
        MediaFormat.Encoding encoding = switch (format.encoding()) {
            case PCM16 -> MediaFormat.Encoding.PCM16_LE;
            case PCMU -> MediaFormat.Encoding.PCMU;
            case PCMA -> MediaFormat.Encoding.PCMA;
        };
        return new MediaFormat(encoding, format.sampleRate());
    }
}
