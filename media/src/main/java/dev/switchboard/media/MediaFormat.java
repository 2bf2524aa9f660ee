package dev.switchboard.media;

import dev.switchboard.media.codec.G711;

/**
 * An audio format on the agent's side of the media engine: what caller audio is converted to, or what the agent's
 * audio arrives in ({@link StreamSettings#agentInput()}, {@link StreamSettings#agentOutput()}).
 *
 * @param encoding   16-bit little-endian PCM, or G.711 bytes
 * @param sampleRate samples per second; 8000 for G.711
 */
public record MediaFormat(Encoding encoding, int sampleRate) {

    public static final MediaFormat PCM16_24K = new MediaFormat(Encoding.PCM16_LE, 24_000);

    public enum Encoding { PCM16_LE, PCMU, PCMA }

    /** The G.711 law of a PCMU or PCMA format; {@code null} for PCM. */
    public G711 law() {
        return switch (encoding) {
            case PCMU -> G711.MU_LAW;
            case PCMA -> G711.A_LAW;
            case PCM16_LE -> null;
        };
    }

    public MediaFormat {
        if (encoding != Encoding.PCM16_LE && sampleRate != 8_000) {
            throw new IllegalArgumentException(encoding + " is always 8000 Hz, not " + sampleRate);
        }
    }
}
