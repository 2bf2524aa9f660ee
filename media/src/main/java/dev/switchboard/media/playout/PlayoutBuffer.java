package dev.switchboard.media.playout;

import dev.switchboard.media.codec.G711;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The agent's voice waiting to be sent to the caller, as the call's G.711 codes: exactly the payload bytes the
 * pacing tick sends, one code per 8 kHz sample, 8 per millisecond.
 *
 * <p>Holding codes rather than PCM is what lets a provider that speaks the call's own law reach the wire byte for
 * byte: its audio is queued as it came and never decoded. Audio in any other format is encoded on the way in.
 *
 * <p>Providers deliver audio much faster than real time; this buffer holds it until the pacing tick takes one
 * frame at a time. It remembers which agent item each code belongs to and how many milliseconds of that item
 * have gone out, because after a barge-in the provider must be told how much the caller actually heard.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class PlayoutBuffer {

    private static final int CODES_PER_MILLI = 8;

    private final byte silence;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private int bufferedSamples;
    private String playingItem;
    private int playingContentIndex;
    private long playingItemSamples;

    /** @param law the call's codec: a short last frame is padded with its silence code */
    public PlayoutBuffer(G711 law) {
        this.silence = law.silence();
    }

    /** Appends {@code length} codes of agent audio for {@code itemId}; the array is kept, not copied. */
    public void enqueue(String itemId, int contentIndex, byte[] codes, int length) {
        if (length > 0) {
            segments.add(new Segment(itemId, contentIndex, codes, length));
            bufferedSamples += length;
        }
    }

    /** Codes (samples) waiting to be sent. */
    public int bufferedSamples() {
        return bufferedSamples;
    }

    /** Milliseconds of audio waiting to be sent, rounded down. */
    public long bufferedMillis() {
        return bufferedSamples / CODES_PER_MILLI;
    }

    public boolean isEmpty() {
        return bufferedSamples == 0;
    }

    /**
     * Fills {@code frame} with the next codes and returns how many were real audio; the rest of the frame, if the
     * buffer ran short, is the law's silence code (RFC 3551 §4.5.14: 0xFF μ-law, 0xD5 A-law). Returns 0 and
     * leaves the frame alone when nothing is buffered.
     */
    public int poll(byte[] frame) {
        int filled = 0;
        while (filled < frame.length && !segments.isEmpty()) {
            Segment head = segments.peek();
            int n = Math.min(frame.length - filled, head.remaining());
            System.arraycopy(head.codes, head.position, frame, filled, n);
            head.position += n;
            filled += n;
            countPlayed(head, n);
            if (head.remaining() == 0) {
                segments.poll();
            }
        }
        if (filled > 0 && filled < frame.length) {
            Arrays.fill(frame, filled, frame.length, silence);
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
            cut = new PlaybackPosition(next.itemId, next.contentIndex, heard / CODES_PER_MILLI);
        }
        segments.clear();
        bufferedSamples = 0;
        return cut;
    }

    /** The item most recently sent and how much of it has gone out, or {@code null} before any audio. */
    public PlaybackPosition position() {
        return playingItem == null
                ? null
                : new PlaybackPosition(playingItem, playingContentIndex, playingItemSamples / CODES_PER_MILLI);
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
        final byte[] codes;
        final int length;
        int position;

        Segment(String itemId, int contentIndex, byte[] codes, int length) {
            this.itemId = itemId == null ? "" : itemId;
            this.contentIndex = contentIndex;
            this.codes = codes;
            this.length = length;
        }

        int remaining() {
            return length - position;
        }
    }
}
