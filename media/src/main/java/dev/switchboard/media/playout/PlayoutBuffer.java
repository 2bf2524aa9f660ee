package dev.switchboard.media.playout;

import dev.switchboard.media.codec.G711;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The agent's voice waiting to be sent to the caller, in the form the pacing tick takes it: for a G.711 call the
 * call's codes, exactly the payload bytes to send (8 per millisecond); for other codecs 16-bit PCM at the
 * encoder's rate, encoded one frame per tick.
 *
 * <p>Holding G.711 codes rather than PCM is what lets a provider that speaks the call's own law reach the wire
 * byte for byte: its audio is queued as it came and never decoded.
 *
 * <p>Providers deliver audio much faster than real time; this buffer holds it until the pacing tick takes one
 * frame at a time. It remembers which agent item each code belongs to and how many milliseconds of that item
 * have gone out, because after a barge-in the provider must be told how much the caller actually heard.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class PlayoutBuffer {

    private final int bytesPerMilli;
    private final byte silence;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private int bufferedBytes;
    private String playingItem;
    private int playingContentIndex;
    private long playingItemBytes;

    /**
     * @param bytesPerMilli how many bytes carry a millisecond: 8 for G.711 codes, 32 for 16 kHz PCM16
     * @param silence       the byte a short last frame is padded with: the law's silence code, or 0 for PCM
     */
    public PlayoutBuffer(int bytesPerMilli, byte silence) {
        this.bytesPerMilli = bytesPerMilli;
        this.silence = silence;
    }

    /** Holds the call's G.711 codes, padded with the law's silence code. */
    public static PlayoutBuffer forCodes(G711 law) {
        return new PlayoutBuffer(8, law.silence());
    }

    /** Holds 16-bit PCM at {@code sampleRate}, padded with zeros. */
    public static PlayoutBuffer forPcm16(int sampleRate) {
        return new PlayoutBuffer(sampleRate / 1000 * 2, (byte) 0);
    }

    /** Appends {@code length} bytes of agent audio for {@code itemId}; the array is kept, not copied. */
    public void enqueue(String itemId, int contentIndex, byte[] audio, int length) {
        if (length > 0) {
            segments.add(new Segment(itemId, contentIndex, audio, length));
            bufferedBytes += length;
        }
    }

    /** Bytes waiting to be sent. */
    public int bufferedBytes() {
        return bufferedBytes;
    }

    /** Milliseconds of audio waiting to be sent, rounded down. */
    public long bufferedMillis() {
        return bufferedBytes / bytesPerMilli;
    }

    public boolean isEmpty() {
        return bufferedBytes == 0;
    }

    /**
     * Fills {@code frame} with the next bytes and returns how many were real audio; the rest of the frame, if the
     * buffer ran short, is silence (RFC 3551 §4.5.14: 0xFF μ-law, 0xD5 A-law; zeros for PCM). Returns 0 and
     * leaves the frame alone when nothing is buffered.
     */
    public int poll(byte[] frame) {
        int filled = 0;
        while (filled < frame.length && !segments.isEmpty()) {
            Segment head = segments.peek();
            int n = Math.min(frame.length - filled, head.remaining());
            System.arraycopy(head.audio, head.position, frame, filled, n);
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
        bufferedBytes -= filled;
        return filled;
    }

    /** Copies the next bytes into {@code frame} without taking them; returns how many there were. */
    public int peek(byte[] frame) {
        int filled = 0;
        for (Segment segment : segments) {
            if (filled == frame.length) {
                break;
            }
            int n = Math.min(frame.length - filled, segment.remaining());
            System.arraycopy(segment.audio, segment.position, frame, filled, n);
            filled += n;
        }
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
            long heard = playing ? playingItemBytes : 0;
            cut = new PlaybackPosition(next.itemId, next.contentIndex, heard / bytesPerMilli);
        }
        segments.clear();
        bufferedBytes = 0;
        return cut;
    }

    /** The item most recently sent and how much of it has gone out, or {@code null} before any audio. */
    public PlaybackPosition position() {
        return playingItem == null
                ? null
                : new PlaybackPosition(playingItem, playingContentIndex, playingItemBytes / bytesPerMilli);
    }

    private void countPlayed(Segment segment, int bytes) {
        if (!segment.itemId.equals(playingItem) || segment.contentIndex != playingContentIndex) {
            playingItem = segment.itemId;
            playingContentIndex = segment.contentIndex;
            playingItemBytes = 0;
        }
        playingItemBytes += bytes;
    }

    private static final class Segment {
        final String itemId;
        final int contentIndex;
        final byte[] audio;
        final int length;
        int position;

        Segment(String itemId, int contentIndex, byte[] audio, int length) {
            this.itemId = itemId == null ? "" : itemId;
            this.contentIndex = contentIndex;
            this.audio = audio;
            this.length = length;
        }

        int remaining() {
            return length - position;
        }
    }
}
