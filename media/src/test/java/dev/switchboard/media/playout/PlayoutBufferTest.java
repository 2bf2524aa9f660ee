package dev.switchboard.media.playout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlayoutBufferTest {

    /** 20 ms at 8 kHz. */
    private static final int FRAME = 160;

    private final PlayoutBuffer buffer = PlayoutBuffer.forCodes(G711.MU_LAW);
    private final byte[] frame = new byte[FRAME];

    @Test
    void startsEmpty() {
        assertTrue(buffer.isEmpty());
        assertEquals(0, buffer.bufferedBytes());
        assertNull(buffer.position());
    }

    @Test
    void flushReportsNothingHeardOfAContentPartThatHadNotStarted() {
        buffer.enqueue("a", 0, ramp(1, FRAME), FRAME);
        buffer.enqueue("a", 1, ramp(1, FRAME), FRAME);
        buffer.poll(frame);

        assertEquals(new PlaybackPosition("a", 1, 0), buffer.flush());
    }

    @Test
    void fillsAFrameAcrossSegmentBoundaries() {
        buffer.enqueue("a", 0, ramp(1, 100), 100);
        buffer.enqueue("a", 0, ramp(101, 30), 30);
        buffer.enqueue("b", 0, ramp(131, 100), 100);

        assertEquals(FRAME, buffer.poll(frame));
        assertArrayEquals(ramp(1, FRAME), frame);
        assertEquals(70, buffer.bufferedBytes());
    }

    @Test
    void padsAShortLastFrameWithMuLawSilenceAndReturnsTheRealCount() {
        buffer.enqueue("a", 0, ramp(1, 200), 200);
        buffer.poll(frame);
        Arrays.fill(frame, (byte) 99);

        assertEquals(40, buffer.poll(frame));
        assertArrayEquals(ramp(161, 40), Arrays.copyOfRange(frame, 0, 40));
        assertArrayEquals(filled(FRAME - 40, 0xFF), Arrays.copyOfRange(frame, 40, FRAME));
        assertTrue(buffer.isEmpty());
    }

    @Test
    void padsWithALawSilenceOnAnALawCall() {
        PlayoutBuffer aLaw = PlayoutBuffer.forCodes(G711.A_LAW);
        aLaw.enqueue("a", 0, ramp(1, 30), 30);

        assertEquals(30, aLaw.poll(frame));
        assertArrayEquals(ramp(1, 30), Arrays.copyOf(frame, 30));
        assertArrayEquals(filled(FRAME - 30, 0xD5), Arrays.copyOfRange(frame, 30, FRAME));
    }

    @Test
    void everyCodeComesOutAsItWentIn() {
        byte[] everyCode = ramp(0, 256);
        for (int at = 0; at < 256; at += 7) {
            int length = Math.min(7, 256 - at);
            buffer.enqueue("a", 0, Arrays.copyOfRange(everyCode, at, at + length), length);
        }
        byte[] first = new byte[FRAME];
        byte[] second = new byte[FRAME];

        assertEquals(FRAME, buffer.poll(first));
        assertEquals(256 - FRAME, buffer.poll(second));
        assertArrayEquals(Arrays.copyOf(everyCode, FRAME), first);
        assertArrayEquals(Arrays.copyOfRange(everyCode, FRAME, 256), Arrays.copyOf(second, 256 - FRAME));
    }

    @Test
    void pollingAnEmptyBufferReturnsZeroAndLeavesTheFrameAlone() {
        Arrays.fill(frame, (byte) 7);

        assertEquals(0, buffer.poll(frame));
        byte[] sevens = new byte[FRAME];
        Arrays.fill(sevens, (byte) 7);
        assertArrayEquals(sevens, frame);
    }

    @Test
    void pollingAfterTheLastSampleReturnsZero() {
        buffer.enqueue("a", 0, ramp(1, FRAME), FRAME);
        assertEquals(FRAME, buffer.poll(frame));

        assertEquals(0, buffer.poll(frame));
        assertArrayEquals(ramp(1, FRAME), frame);
    }

    @Test
    void usesOnlyTheGivenLengthOfAnEnqueuedArray() {
        buffer.enqueue("a", 0, ramp(1, 100), 10);

        assertEquals(10, buffer.bufferedBytes());
        assertEquals(10, buffer.poll(frame));
        assertArrayEquals(ramp(1, 10), Arrays.copyOf(frame, 10));
        assertEquals((byte) 0xFF, frame[10]);
    }

    @Test
    void ignoresEmptyChunks() {
        buffer.enqueue("a", 0, new byte[0], 0);
        buffer.enqueue("a", 0, ramp(1, 5), 0);

        assertTrue(buffer.isEmpty());
        assertNull(buffer.flush());
    }

    @Test
    void bufferedMillisCountsEightCodesPerMillisecond() {
        buffer.enqueue("a", 0, new byte[807], 807);
        assertEquals(100, buffer.bufferedMillis());

        buffer.poll(frame);
        assertEquals(80, buffer.bufferedMillis());
    }

    @Test
    void countsBufferedSamplesThroughEnqueuePollAndFlush() {
        buffer.enqueue("a", 0, new byte[500], 500);
        buffer.enqueue("b", 0, new byte[300], 300);
        assertEquals(800, buffer.bufferedBytes());

        buffer.poll(frame);
        buffer.poll(frame);
        buffer.poll(frame);
        assertEquals(800 - 3 * FRAME, buffer.bufferedBytes());
        assertFalse(buffer.isEmpty());

        buffer.flush();
        assertEquals(0, buffer.bufferedBytes());
        assertTrue(buffer.isEmpty());
    }

    @Test
    void positionTracksTheItemBeingPlayedInWholeMilliseconds() {
        buffer.enqueue("a", 3, new byte[1000], 1000);
        byte[] sevenSamples = new byte[7];
        byte[] oneSample = new byte[1];

        buffer.poll(sevenSamples);
        assertEquals(new PlaybackPosition("a", 3, 0), buffer.position());
        buffer.poll(oneSample);
        assertEquals(new PlaybackPosition("a", 3, 1), buffer.position());
        buffer.poll(frame);
        assertEquals(new PlaybackPosition("a", 3, 21), buffer.position());
    }

    @Test
    void positionRestartsWhenTheNextItemStartsMidFrame() {
        buffer.enqueue("a", 0, new byte[200], 200);
        buffer.enqueue("b", 0, new byte[400], 400);

        buffer.poll(frame);
        assertEquals(new PlaybackPosition("a", 0, 20), buffer.position());
        buffer.poll(frame);
        // 40 samples of a, then 120 of b.
        assertEquals(new PlaybackPosition("b", 0, 15), buffer.position());
        buffer.poll(frame);
        assertEquals(new PlaybackPosition("b", 0, 35), buffer.position());
    }

    @Test
    void positionRestartsForANewContentPartOfTheSameItem() {
        buffer.enqueue("a", 0, new byte[FRAME], FRAME);
        buffer.enqueue("a", 1, new byte[FRAME], FRAME);

        buffer.poll(frame);
        buffer.poll(new byte[80]);
        assertEquals(new PlaybackPosition("a", 1, 10), buffer.position());
    }

    @Test
    void positionAddsUpChunksOfTheSameItem() {
        buffer.enqueue("a", 0, new byte[100], 100);
        buffer.enqueue("a", 0, new byte[100], 100);
        buffer.enqueue("a", 0, new byte[100], 100);

        buffer.poll(frame);
        buffer.poll(new byte[136]);
        assertEquals(new PlaybackPosition("a", 0, 37), buffer.position());
    }

    @Test
    void flushMidItemReturnsHowMuchOfItWasHeardAndEmptiesTheBuffer() {
        buffer.enqueue("a", 2, new byte[1000], 1000);
        buffer.enqueue("b", 0, new byte[1000], 1000);
        buffer.poll(frame);
        buffer.poll(frame);

        assertEquals(new PlaybackPosition("a", 2, 40), buffer.flush());
        assertTrue(buffer.isEmpty());
        assertEquals(0, buffer.bufferedBytes());
        assertEquals(0, buffer.poll(frame));
    }

    @Test
    void flushBeforeTheHeadItemStartedReportsZeroMilliseconds() {
        buffer.enqueue("a", 0, new byte[FRAME], FRAME);
        buffer.enqueue("b", 4, new byte[FRAME], FRAME);
        buffer.poll(frame);

        assertEquals(new PlaybackPosition("b", 4, 0), buffer.flush());
    }

    @Test
    void flushBeforeAnythingWasPlayedReportsZeroMilliseconds() {
        buffer.enqueue("a", 0, new byte[FRAME], FRAME);

        assertEquals(new PlaybackPosition("a", 0, 0), buffer.flush());
        assertTrue(buffer.isEmpty());
    }

    @Test
    void flushCountsTheHeardPartOfAnItemAcrossItsChunks() {
        buffer.enqueue("a", 0, new byte[200], 200);
        buffer.enqueue("a", 0, new byte[200], 200);
        buffer.poll(frame);
        buffer.poll(frame);

        assertEquals(new PlaybackPosition("a", 0, 40), buffer.flush());
    }

    @Test
    void flushOfAnEmptyBufferReturnsNull() {
        assertNull(buffer.flush());
    }

    @Test
    void flushAfterEverythingWasPlayedReturnsNull() {
        buffer.enqueue("a", 0, new byte[FRAME], FRAME);
        buffer.poll(frame);

        assertNull(buffer.flush());
        assertEquals(new PlaybackPosition("a", 0, 20), buffer.position());
    }

    @Test
    void audioQueuedAfterAFlushPlaysNormally() {
        buffer.enqueue("a", 0, ramp(1, 500), 500);
        buffer.poll(frame);
        buffer.flush();
        buffer.enqueue("b", 0, ramp(1000, FRAME), FRAME);

        assertEquals(FRAME, buffer.poll(frame));
        assertArrayEquals(ramp(1000, FRAME), frame);
        assertEquals(new PlaybackPosition("b", 0, 20), buffer.position());
    }

    /** {@code length} codes counting up from {@code first}, wrapping at 256. */
    private static byte[] ramp(int first, int length) {
        byte[] codes = new byte[length];
        for (int i = 0; i < length; i++) {
            codes[i] = (byte) (first + i);
        }
        return codes;
    }

    private static byte[] filled(int length, int code) {
        byte[] codes = new byte[length];
        Arrays.fill(codes, (byte) code);
        return codes;
    }
}
