package dev.switchboard.media.playout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlayoutBufferTest {

    /** 20 ms at 8 kHz. */
    private static final int FRAME = 160;

    private final PlayoutBuffer buffer = new PlayoutBuffer(8_000);
    private final short[] frame = new short[FRAME];

    @Test
    void startsEmpty() {
        assertTrue(buffer.isEmpty());
        assertEquals(0, buffer.bufferedSamples());
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
        assertEquals(70, buffer.bufferedSamples());
    }

    @Test
    void padsAShortLastFrameWithSilenceAndReturnsTheRealCount() {
        buffer.enqueue("a", 0, ramp(1, 200), 200);
        buffer.poll(frame);
        Arrays.fill(frame, (short) 99);

        assertEquals(40, buffer.poll(frame));
        assertArrayEquals(ramp(161, 40), Arrays.copyOfRange(frame, 0, 40));
        assertArrayEquals(new short[FRAME - 40], Arrays.copyOfRange(frame, 40, FRAME));
        assertTrue(buffer.isEmpty());
    }

    @Test
    void pollingAnEmptyBufferReturnsZeroAndLeavesTheFrameAlone() {
        Arrays.fill(frame, (short) 7);

        assertEquals(0, buffer.poll(frame));
        short[] sevens = new short[FRAME];
        Arrays.fill(sevens, (short) 7);
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

        assertEquals(10, buffer.bufferedSamples());
        assertEquals(10, buffer.poll(frame));
        assertArrayEquals(ramp(1, 10), Arrays.copyOf(frame, 10));
        assertEquals(0, frame[10]);
    }

    @Test
    void ignoresEmptyChunks() {
        buffer.enqueue("a", 0, new short[0], 0);
        buffer.enqueue("a", 0, ramp(1, 5), 0);

        assertTrue(buffer.isEmpty());
        assertNull(buffer.flush());
    }

    @Test
    void countsBufferedSamplesThroughEnqueuePollAndFlush() {
        buffer.enqueue("a", 0, new short[500], 500);
        buffer.enqueue("b", 0, new short[300], 300);
        assertEquals(800, buffer.bufferedSamples());

        buffer.poll(frame);
        buffer.poll(frame);
        buffer.poll(frame);
        assertEquals(800 - 3 * FRAME, buffer.bufferedSamples());
        assertFalse(buffer.isEmpty());

        buffer.flush();
        assertEquals(0, buffer.bufferedSamples());
        assertTrue(buffer.isEmpty());
    }

    @Test
    void positionTracksTheItemBeingPlayedInWholeMilliseconds() {
        buffer.enqueue("a", 3, new short[1000], 1000);
        short[] sevenSamples = new short[7];
        short[] oneSample = new short[1];

        buffer.poll(sevenSamples);
        assertEquals(new PlaybackPosition("a", 3, 0), buffer.position());
        buffer.poll(oneSample);
        assertEquals(new PlaybackPosition("a", 3, 1), buffer.position());
        buffer.poll(frame);
        assertEquals(new PlaybackPosition("a", 3, 21), buffer.position());
    }

    @Test
    void positionRestartsWhenTheNextItemStartsMidFrame() {
        buffer.enqueue("a", 0, new short[200], 200);
        buffer.enqueue("b", 0, new short[400], 400);

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
        buffer.enqueue("a", 0, new short[FRAME], FRAME);
        buffer.enqueue("a", 1, new short[FRAME], FRAME);

        buffer.poll(frame);
        buffer.poll(new short[80]);
        assertEquals(new PlaybackPosition("a", 1, 10), buffer.position());
    }

    @Test
    void positionAddsUpChunksOfTheSameItem() {
        buffer.enqueue("a", 0, new short[100], 100);
        buffer.enqueue("a", 0, new short[100], 100);
        buffer.enqueue("a", 0, new short[100], 100);

        buffer.poll(frame);
        buffer.poll(new short[136]);
        assertEquals(new PlaybackPosition("a", 0, 37), buffer.position());
    }

    @Test
    void flushMidItemReturnsHowMuchOfItWasHeardAndEmptiesTheBuffer() {
        buffer.enqueue("a", 2, new short[1000], 1000);
        buffer.enqueue("b", 0, new short[1000], 1000);
        buffer.poll(frame);
        buffer.poll(frame);

        assertEquals(new PlaybackPosition("a", 2, 40), buffer.flush());
        assertTrue(buffer.isEmpty());
        assertEquals(0, buffer.bufferedSamples());
        assertEquals(0, buffer.poll(frame));
    }

    @Test
    void flushBeforeTheHeadItemStartedReportsZeroMilliseconds() {
        buffer.enqueue("a", 0, new short[FRAME], FRAME);
        buffer.enqueue("b", 4, new short[FRAME], FRAME);
        buffer.poll(frame);

        assertEquals(new PlaybackPosition("b", 4, 0), buffer.flush());
    }

    @Test
    void flushBeforeAnythingWasPlayedReportsZeroMilliseconds() {
        buffer.enqueue("a", 0, new short[FRAME], FRAME);

        assertEquals(new PlaybackPosition("a", 0, 0), buffer.flush());
        assertTrue(buffer.isEmpty());
    }

    @Test
    void flushCountsTheHeardPartOfAnItemAcrossItsChunks() {
        buffer.enqueue("a", 0, new short[200], 200);
        buffer.enqueue("a", 0, new short[200], 200);
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
        buffer.enqueue("a", 0, new short[FRAME], FRAME);
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

    @Test
    void millisecondsFollowTheSampleRate() {
        PlayoutBuffer wideband = new PlayoutBuffer(16_000);
        wideband.enqueue("a", 0, new short[1000], 1000);
        wideband.poll(new short[320]);

        assertEquals(new PlaybackPosition("a", 0, 20), wideband.position());
        assertEquals(new PlaybackPosition("a", 0, 20), wideband.flush());
    }

    /** {@code length} samples counting up from {@code first}. */
    private static short[] ramp(int first, int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (short) (first + i);
        }
        return samples;
    }
}
