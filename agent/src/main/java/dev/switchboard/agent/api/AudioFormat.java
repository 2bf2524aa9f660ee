package dev.switchboard.agent.api;

/**
 * The audio encoding exchanged with a provider.
 *
 * <p>{@link #PCM16_24K} is 16-bit little-endian mono PCM at 24 kHz, the rate OpenAI's {@code audio/pcm} requires
 * (realtime-protocols §2.3). {@link #PCMU} and {@link #PCMA} are G.711 at 8 kHz, which OpenAI and xAI accept as
 * is, so a G.711 call can pass its RTP payloads through untouched.
 */
public record AudioFormat(Encoding encoding, int sampleRate) {

    public static final AudioFormat PCM16_24K = new AudioFormat(Encoding.PCM16, 24_000);
    public static final AudioFormat PCM16_16K = new AudioFormat(Encoding.PCM16, 16_000);
    public static final AudioFormat PCMU = new AudioFormat(Encoding.PCMU, 8_000);
    public static final AudioFormat PCMA = new AudioFormat(Encoding.PCMA, 8_000);

    public enum Encoding { PCM16, PCMU, PCMA }

    /** Bytes of this format that carry one millisecond of audio. */
    public int bytesPerMillisecond() {
        int bytesPerSample = encoding == Encoding.PCM16 ? 2 : 1;
        return sampleRate / 1000 * bytesPerSample;
    }
}
