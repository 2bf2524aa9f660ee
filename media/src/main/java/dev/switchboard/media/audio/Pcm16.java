package dev.switchboard.media.audio;

/**
 * 16-bit little-endian PCM to and from Java samples; providers exchange audio in this byte order.
 */
public final class Pcm16 {

    private Pcm16() {}

    public static byte[] toBytes(short[] samples, int length) {
        byte[] bytes = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    /** Decodes {@code bytes} into a new array; a trailing odd byte is ignored. */
    public static short[] toSamples(byte[] bytes) {
        short[] samples = new short[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        return samples;
    }
}
