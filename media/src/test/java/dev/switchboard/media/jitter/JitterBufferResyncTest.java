package dev.switchboard.media.jitter;

import static dev.switchboard.media.jitter.CallLoop.FRAME;
import static dev.switchboard.media.jitter.CallLoop.PCMU;
import static dev.switchboard.media.jitter.CallLoop.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Re-anchoring the playout on a sender whose timestamps stopped following its clock (a gateway that does not advance
 * them over a pause, a stream resumed after hold), and not on packets the network held up.
 */
class JitterBufferResyncTest {

    private final CallLoop loop = new CallLoop();
    private final JitterBuffer buffer = loop.buffer();

    @Test
    void aTalkspurtWithTheMarkerBitAfterAPauseTheTimestampsSkippedReanchorsAtOnce() {
        pauseOneSecondWithoutAdvancingTimestamps(true);

        assertEquals(1, buffer.stats().restarts());
        assertEquals(0, buffer.stats().late());
        assertEquals(0, buffer.stats().lost());
        assertEquals(sequence(0, 100), loop.audioSequenceNumbers(), "every packet after the pause plays");
    }

    @Test
    void withoutTheMarkerBitTheThirdLatePacketInARowReanchors() {
        pauseOneSecondWithoutAdvancingTimestamps(false);
        long late = buffer.stats().late();

        assertEquals(1, buffer.stats().restarts());
        assertTrue(late <= JitterBuffer.RESYNC_AFTER_LATE_PACKETS - 1, "late " + late);
        assertEquals(concat(sequence(0, 50), sequence(50 + (int) late, 100)), loop.audioSequenceNumbers(),
                "only the packets before the resync are lost, the rest play");
    }

    @Test
    void stragglersTheNewerPacketsOvertookAreLateEvenWithAMarkerBitAndNoResync() {
        int stragglers = JitterBuffer.RESYNC_AFTER_LATE_PACKETS;
        for (int i = 0; i < 100; i++) {
            boolean straggler = i >= 20 && i < 20 + stragglers;
            loop.offer(i, (long) i * FRAME, i == 20, PCMU, frame(), i * 20 + (straggler ? 200 : 0));
        }
        loop.runTicks(0, 2500);

        assertEquals(0, buffer.stats().restarts());
        assertEquals(stragglers, buffer.stats().late());
        assertEquals(stragglers, buffer.stats().lost());
        assertEquals(concat(sequence(0, 20), sequence(20 + stragglers, 100)), loop.audioSequenceNumbers());
    }

    /**
     * The network stalls for 150 ms, within the default maximum delay of 200 ms, and what was sent meanwhile
     * arrives at once: new packets, several late in a row, but each a frame less late than the one before. The
     * playout stays anchored and the late ones are lost, not played after their time was concealed.
     */
    @Test
    void aBurstTheNetworkHeldUpWithinTheMaxDelayIsLateNotAResync() {
        for (int i = 0; i < 100; i++) {
            long sent = i * 20L;
            loop.send(i, (long) i * FRAME, sent >= 1000 && sent < 1150 ? 1150 : sent);
        }
        loop.runTicks(0, 2500);
        long late = buffer.stats().late();

        assertEquals(0, buffer.stats().restarts());
        assertTrue(late >= JitterBuffer.RESYNC_AFTER_LATE_PACKETS, "a run long enough to resync on: " + late);
        assertEquals(late, buffer.stats().lost());
        assertEquals(concat(sequence(0, 50), sequence(50 + (int) late, 100)), loop.audioSequenceNumbers());
    }

    /** 50 packets, a second of silence, then 50 more whose timestamps carry on as if there had been no pause. */
    private void pauseOneSecondWithoutAdvancingTimestamps(boolean marker) {
        for (int i = 0; i < 100; i++) {
            long pause = i >= 50 ? 1000 : 0;
            loop.offer(i, (long) i * FRAME, marker && i == 50, PCMU, frame(), i * 20 + pause);
        }
        loop.runTicks(0, 3500);
    }

    private static List<Integer> sequence(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static List<Integer> concat(List<Integer> first, List<Integer> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
