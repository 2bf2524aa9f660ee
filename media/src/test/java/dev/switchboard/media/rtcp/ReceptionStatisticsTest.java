package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {

    private static final long SSRC = 0x1234_5678L;
    private static final int CLOCK_RATE = 8000;
    private static final long FRAME_NANOS = 20_000_000L;

    private final ReceptionStatistics stats = new ReceptionStatistics(SSRC, CLOCK_RATE);
    private long arrivals;

    @Test
    void reportsNoLossForAnUnbrokenStream() {
        receive(1000, 1099, Set.of());

        ReportBlock block = stats.report(0);

        assertEquals(SSRC, block.ssrc());
        assertEquals(0, block.fractionLost());
        assertEquals(0, block.cumulativeLost());
        assertEquals(1099, block.extendedHighestSequence());
        assertEquals(100, stats.received());
    }

    @Test
    void countsLossAndTheFractionOfEachIntervalSeparately() {
        receive(0, 99, Set.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 98));
        ReportBlock first = stats.report(0);
        receive(100, 199, Set.of());
        ReportBlock second = stats.report(0);
        receiveEverySecond(200, 299);
        ReportBlock third = stats.report(0);

        assertEquals(10 * 256 / 100, first.fractionLost(), "10 of 100 lost, in 1/256");
        assertEquals(10, first.cumulativeLost());
        assertEquals(0, second.fractionLost(), "nothing lost in the second interval");
        assertEquals(10, second.cumulativeLost());
        // 200, 202, …, 298: the highest is 298, so 99 were expected and 49 lost.
        assertEquals(49 * 256 / 99, third.fractionLost());
        assertEquals(59, third.cumulativeLost());
    }

    @Test
    void extendsTheSequenceNumberAcrossWrapAroundAndCountsLossOnBothSides() {
        Set<Integer> lost = Set.of(65_530, 65_531, 65_532, 65_533, 65_534, 0, 1, 2, 3, 4);
        receive(65_500, 65_535, lost);
        receive(0, 99, lost);

        ReportBlock block = stats.report(0);

        assertEquals(65_536 + 99, block.extendedHighestSequence());
        assertEquals(10, block.cumulativeLost());
        // 136 expected (65500 … 65535 and 0 … 99), 10 lost.
        assertEquals(10 * 256 / 136, block.fractionLost());
    }

    @Test
    void keepsCountingWrapsOverManyCycles() {
        int sequence = 40_000;
        for (int i = 0; i < 3 * 65_536; i++) {
            stats.onPacket(sequence, 0, 0);
            sequence = (sequence + 1) & 0xFFFF;
        }

        ReportBlock block = stats.report(0);

        assertEquals(3 * 65_536L + 40_000 - 1, block.extendedHighestSequence());
        assertEquals(0, block.cumulativeLost());
    }

    /** A.3: duplicates count as received, so they can outweigh losses and make the cumulative loss negative. */
    @Test
    void duplicatesDriveCumulativeLossNegativeWhileTheFractionStaysZero() {
        for (int sequence = 0; sequence < 10; sequence++) {
            stats.onPacket(sequence, 0, 0);
            if (sequence < 5) {
                stats.onPacket(sequence, 0, 0);
            }
        }

        ReportBlock block = stats.report(0);

        assertEquals(-5, block.cumulativeLost());
        assertEquals(0, block.fractionLost());
        assertEquals(9, block.extendedHighestSequence());
    }

    @Test
    void countsALatePacketAsReceivedWithoutMovingTheHighestSequence() {
        receive(0, 9, Set.of(5));
        ReportBlock before = stats.report(0);
        stats.onPacket(5, 0, 0);
        receive(10, 19, Set.of());
        ReportBlock after = stats.report(0);

        assertEquals(1, before.cumulativeLost());
        assertEquals(0, after.cumulativeLost());
        assertEquals(0, after.fractionLost(), "more arrived than expected in the interval");
        assertEquals(19, after.extendedHighestSequence());
    }

    @Test
    void ignoresOneWildJumpButRestartsWhenTheStreamContinuesFromIt() {
        receive(0, 9, Set.of());
        stats.onPacket(30_000, 0, 0);
        stats.onPacket(10, 0, 0);
        ReportBlock afterStray = stats.report(0);
        stats.onPacket(40_000, 0, 0);
        stats.onPacket(40_001, 0, 0);
        stats.onPacket(40_002, 0, 0);
        ReportBlock afterRestart = stats.report(0);

        assertEquals(10, afterStray.extendedHighestSequence());
        assertEquals(0, afterStray.cumulativeLost());
        assertEquals(2, stats.received(), "counting starts again at 40001, the packet that confirmed the jump");
        assertEquals(40_002, afterRestart.extendedHighestSequence());
        assertEquals(0, afterRestart.cumulativeLost());
    }

    @Test
    void clampsCumulativeLossTo24BitsSigned() {
        int sequence = 0;
        for (int i = 0; i < 3000; i++) {
            stats.onPacket(sequence, 0, 0);
            sequence = (sequence + ReceptionStatistics.MAX_DROPOUT - 1) & 0xFFFF;
        }

        ReportBlock block = stats.report(0);

        assertEquals(ReportBlock.MAX_CUMULATIVE_LOST, block.cumulativeLost(), "2998 × 2999 lost, over 2^23");
        assertEquals(255, block.fractionLost(), "all but one in 2999");
    }

    @Test
    void countsTelephoneEventsForLossButLeavesThemOutOfTheJitter() {
        long timestamp = 0;
        for (int sequence = 0; sequence < 30; sequence++) {
            arrivals += FRAME_NANOS;
            if (sequence >= 10 && sequence < 20) {
                stats.onEventPacket(sequence); // a key press: its start timestamp, repeated
            } else {
                stats.onPacket(sequence, timestamp, arrivals);
            }
            timestamp += 160;
        }

        ReportBlock block = stats.report(0);

        assertEquals(0, block.cumulativeLost());
        assertEquals(0, block.jitter());
        assertEquals(30, stats.received());
    }

    @Test
    void fillsLastSenderReportAndTheDelaySinceIt() {
        receive(0, 9, Set.of());
        ReportBlock none = stats.report(1_000);
        stats.onSenderReport(0xE7A1_B2C3_8000_0000L, 2_000_000_000L);
        receive(10, 19, Set.of());
        ReportBlock block = stats.report(3_500_000_000L);

        assertEquals(0, none.lastSenderReport());
        assertEquals(0, none.delaySinceLastSenderReport());
        assertEquals(0xB2C3_8000L, block.lastSenderReport(), "middle 32 bits of the SR's NTP timestamp");
        assertEquals(0x0001_8000L, block.delaySinceLastSenderReport(), "1.5 s in 1/65536 s");
    }

    @Test
    void saysWhetherAnythingArrivedSinceTheLastReport() {
        assertFalse(stats.receivedSinceLastReport());
        stats.onPacket(1, 0, 0);
        assertTrue(stats.receivedSinceLastReport());
        stats.report(0);
        assertFalse(stats.receivedSinceLastReport());
    }

    /** Receives {@code first} … {@code last}, modulo 2^16 steps, except those in {@code lost}, 20 ms apart. */
    private void receive(int first, int last, Set<Integer> lost) {
        for (int sequence = first; sequence <= last; sequence++) {
            arrivals += FRAME_NANOS;
            if (!lost.contains(sequence)) {
                stats.onPacket(sequence, sequence * 160L, arrivals);
            }
        }
    }

    private void receiveEverySecond(int first, int last) {
        for (int sequence = first; sequence <= last; sequence += 2) {
            stats.onPacket(sequence, sequence * 160L, arrivals += 2 * FRAME_NANOS);
        }
    }
}
