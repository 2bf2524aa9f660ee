package dev.switchboard.media.recording;

import java.io.IOException;
import java.util.Arrays;

/**
 * Lays two mono streams side by side as interleaved stereo frames, each sample at the frame its timeline position
 * names: frame {@code position - origin}. Nothing is counted, so nothing can drift: an hour in, a sample still
 * lands exactly where its position says, however many gaps came before. Frames a side did not deliver stay
 * silent.
 *
 * <p>The sides arrive independently, so frames are held in a window and written only once they are well behind
 * the newest audio of either side: when audio reaches past the window, the oldest half of it goes out. A side
 * that lags more than that (half the window) finds its frames already written; those samples are counted as
 * late and dropped. Writes are therefore half a window at a time, which also makes them few and large.
 *
 * <p>Threading: confined to the recording writer.
 */
final class StereoAligner {

    /** Where written frames go. */
    interface Sink {
        /** Writes {@code frames} interleaved left/right frames of {@code samples}, starting at frame {@code from}. */
        void write(short[] samples, int from, int frames) throws IOException;
    }

    private final Sink sink;
    private final int windowFrames;
    /** Interleaved left/right; frame f of the file sits at index {@code 2 * (f % windowFrames)}. */
    private final short[] window;
    private final long origin;
    /** Frames before this one are in the sink. */
    private long written;
    /** One past the last frame any sample has reached. */
    private long end;
    private long lateSamples;

    /**
     * @param windowFrames frames held back, at least twice the longest chunk
     * @param origin       the timeline position of the first frame
     */
    StereoAligner(Sink sink, int windowFrames, long origin) {
        this.sink = sink;
        this.windowFrames = windowFrames;
        this.window = new short[2 * windowFrames];
        this.origin = origin;
    }

    /**
     * Places {@code length} samples of one side, the first at timeline {@code position}; writes out the oldest
     * half of the window first when they reach past it.
     *
     * @param channel 0 for left, 1 for right
     */
    void accept(int channel, long position, short[] samples, int offset, int length) throws IOException {
        if (length > windowFrames / 2) {
            throw new IllegalArgumentException(length + " samples do not fit half the window of " + windowFrames);
        }
        long first = position - origin;
        long last = first + length;
        int skip = Math.clamp(written - first, 0, length);
        lateSamples += skip;
        if (skip == length) {
            return;
        }
        if (last - written > windowFrames) {
            writeUpTo(last - windowFrames / 2);
        }
        for (long frame = first + skip; frame < last; frame++) {
            window[2 * (int) (frame % windowFrames) + channel] = samples[offset + (int) (frame - first)];
        }
        end = Math.max(end, last);
    }

    /** Makes the recording reach at least up to timeline {@code position}, in silence where nothing came. */
    void extendTo(long position) {
        end = Math.max(end, position - origin);
    }

    /** Writes every frame up to the last one any sample reached. */
    void flush() throws IOException {
        writeUpTo(end);
    }

    /** Frames in the sink. */
    long written() {
        return written;
    }

    /** Samples dropped because their frames had already been written. */
    long lateSamples() {
        return lateSamples;
    }

    /** Frames past the window's contents are silence: the ring's slots are cleared as they go out. */
    private void writeUpTo(long target) throws IOException {
        while (written < target) {
            int at = (int) (written % windowFrames);
            int frames = (int) Math.min(target - written, windowFrames - at);
            sink.write(window, at, frames);
            Arrays.fill(window, 2 * at, 2 * (at + frames), (short) 0);
            written += frames;
        }
    }
}
