package dev.switchboard.media.playout;

import java.util.ArrayDeque;

/**
 * The agent's voice waiting to be sent to the caller, as samples at the call's codec rate.
 *
 * <p>Providers deliver audio much faster than real time; this buffer holds it until the pacing tick takes one
 * frame at a time. It remembers which agent item each sample belongs to and how many milliseconds of that item
 * have gone out, because after a barge-in the provider must be told how much the caller actually heard.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class PlayoutBuffer {

    private final int samplesPerMilli;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private int bufferedSamples;
    private String playingItem;
    private int playingContentIndex;
    private long playingItemSamples;

    /** @param sampleRate the codec's sample rate, e.g. 8000 for G.711 */
    public PlayoutBuffer(int sampleRate) {
        this.samplesPerMilli = sampleRate / 1000;
    }

    /** Appends agent audio for {@code itemId}; the array is kept, not copied. */
    public void enqueue(String itemId, int contentIndex, short[] samples, int length) {
        if (length > 0) {
            segments.add(new Segment(itemId, contentIndex, samples, length));
            bufferedSamples += length;
        }
    }

    /** Samples waiting to be sent. */
    public int bufferedSamples() {
        return bufferedSamples;
    }

    public boolean isEmpty() {
        return bufferedSamples == 0;
    }

    /**
     * Fills {@code frame} with the next samples and returns how many were real audio; the rest of the frame, if
     * the buffer ran short, is silence. Returns 0 and leaves the frame alone when nothing is buffered.
     */
    public int poll(short[] frame) {
        int filled = 0;
        while (filled < frame.length && !segments.isEmpty()) {
            Segment head = segments.peek();
            int n = Math.min(frame.length - filled, head.remaining());
            System.arraycopy(head.samples, head.position, frame, filled, n);
            head.position += n;
            filled += n;
            countPlayed(head, n);
            if (head.remaining() == 0) {
                segments.poll();
            }
        }
        if (filled > 0 && filled < frame.length) {
            java.util.Arrays.fill(frame, filled, frame.length, (short) 0);
        }
        bufferedSamples -= filled;
        return filled;
    }

    /**
     * Drops everything not yet sent and returns the position to truncate at: the item whose audio was cut (the
     * next unplayed segment's item, heard up to where it stopped), or {@code null} when nothing was cut.
     */
    public PlaybackPosition flush() {
        PlaybackPosition cut = null;
        Segment next = segments.peek();
        if (next != null) {
            boolean playing = next.itemId.equals(playingItem) && next.contentIndex == playingContentIndex;
            long heard = playing ? playingItemSamples : 0;
            cut = new PlaybackPosition(next.itemId, next.contentIndex, heard / samplesPerMilli);
        }
        segments.clear();
        bufferedSamples = 0;
        return cut;
    }

    /** The item most recently sent and how much of it has gone out, or {@code null} before any audio. */
    public PlaybackPosition position() {
        return playingItem == null
                ? null
                : new PlaybackPosition(playingItem, playingContentIndex, playingItemSamples / samplesPerMilli);
    }

    private void countPlayed(Segment segment, int samples) {
        if (!segment.itemId.equals(playingItem) || segment.contentIndex != playingContentIndex) {
            playingItem = segment.itemId;
            playingContentIndex = segment.contentIndex;
            playingItemSamples = 0;
        }
        playingItemSamples += samples;
    }

    private static final class Segment {
        final String itemId;
        final int contentIndex;
        final short[] samples;
        final int length;
        int position;

        Segment(String itemId, int contentIndex, short[] samples, int length) {
            this.itemId = itemId == null ? "" : itemId;
            this.contentIndex = contentIndex;
            this.samples = samples;
            this.length = length;
        }

        int remaining() {
            return length - position;
        }
    }
}
