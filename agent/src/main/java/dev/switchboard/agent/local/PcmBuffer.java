package dev.switchboard.agent.local;

import java.util.Arrays;

/**
 * A growable window of raw PCM bytes addressed by absolute byte position since the session's first appended audio.
 * Old audio is dropped from the front with {@link #discardBefore}; positions stay valid across drops.
 */
final class PcmBuffer {

    private static final int INITIAL_CAPACITY = 48_000;

    private byte[] data = new byte[INITIAL_CAPACITY];
    private int length;
    private long origin;

    /** Absolute position of the oldest byte still held. */
    long start() {
        return origin;
    }

    /** Absolute position just after the newest byte. */
    long end() {
        return origin + length;
    }

    int length() {
        return length;
    }

    void append(byte[] pcm) {
        if (length + pcm.length > data.length) {
            data = Arrays.copyOf(data, Math.max(length + pcm.length, data.length * 2));
        }
        System.arraycopy(pcm, 0, data, length, pcm.length);
        length += pcm.length;
    }

    /** The bytes between two absolute positions, clipped to what is still held. */
    byte[] copy(long from, long to) {
        int begin = clip(from);
        int stop = clip(to);
        return begin >= stop ? new byte[0] : Arrays.copyOfRange(data, begin, stop);
    }

    /** Forgets everything before the absolute position {@code position}. */
    void discardBefore(long position) {
        int drop = clip(position);
        if (drop == 0) {
            return;
        }
        System.arraycopy(data, drop, data, 0, length - drop);
        length -= drop;
        origin += drop;
        if (data.length > INITIAL_CAPACITY && length < data.length / 4) {
            data = Arrays.copyOf(data, Math.max(INITIAL_CAPACITY, length * 2));
        }
    }

    private int clip(long position) {
        return (int) Math.max(0, Math.min(length, position - origin));
    }
}
