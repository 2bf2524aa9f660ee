package dev.switchboard.media.audio;

/**
 * 16-bit little-endian PCM to and from Java samples; providers exchange audio in this byte order.
 */
public final class Pcm16 {

    private Pcm16() {}

    public static byte[] toBytes(short[] samples, int length) {
        return toBytes(samples, 0, length);
    }

    public static byte[] toBytes(short[] samples, int offset, int length) {
        byte[] bytes = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            bytes[2 * i] = (byte) samples[offset + i];
            bytes[2 * i + 1] = (byte) (samples[offset + i] >> 8);
        }
        return bytes;
    }

    /** Decodes {@code length} samples from {@code bytes} at {@code offset} into {@code out} from {@code outOffset}. */
    public static void toSamples(byte[] bytes, int offset, int length, short[] out, int outOffset) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = (short) ((bytes[offset + 2 * i] & 0xFF) | (bytes[offset + 2 * i + 1] << 8));
        }
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
