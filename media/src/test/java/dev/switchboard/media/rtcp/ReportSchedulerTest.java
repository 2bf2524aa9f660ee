package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReportSchedulerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = -42 * SECOND; // nanoTime readings may be negative
    /** nextDouble() of 0.0 and of the largest double below 1.0: the ends of the random factor's range. */
    private static final RandomGenerator LOWEST = () -> 0L;
    private static final RandomGenerator HIGHEST = () -> -1L;

    @Test
    void dueTheFirstTimeAfterHalfTheIntervalTimesAFactorFromHalfToOneAndAHalf() {
        assertEquals(START + 1_250_000_000L, new ReportScheduler(LOWEST, START).nextReportNanos());
        long latest = new ReportScheduler(HIGHEST, START).nextReportNanos() - START;
        assertTrue(latest <= 3_750_000_000L && latest > 3_749_999_000L, "latest first report after " + latest);
    }

    @Test
    void spacesLaterReportsByTheIntervalTimesAFactorFromHalfToOneAndAHalf() {
        ReportScheduler lowest = new ReportScheduler(LOWEST, START);
        lowest.reportSent(START + 10 * SECOND);
        ReportScheduler highest = new ReportScheduler(HIGHEST, START);
        highest.reportSent(START + 10 * SECOND);

        assertEquals(START + 12_500_000_000L, lowest.nextReportNanos());
        long latest = highest.nextReportNanos() - (START + 10 * SECOND);
        assertTrue(latest <= 7_500_000_000L && latest > 7_499_999_000L, "latest after " + latest);
    }

    @Test
    void drawsIntervalsOverTheWholeRangeAndAveragesTheNominalFiveSeconds() {
        ReportScheduler scheduler = new ReportScheduler(new SplittableRandom(3551), START);
        long now = scheduler.nextReportNanos();
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        long total = 0;
        int reports = 10_000;
        for (int i = 0; i < reports; i++) {
            scheduler.reportSent(now);
            long interval = scheduler.nextReportNanos() - now;
            shortest = Math.min(shortest, interval);
            longest = Math.max(longest, interval);
            total += interval;
            now += interval;
        }

        assertTrue(shortest >= 2_500_000_000L && shortest < 2_510_000_000L, "shortest " + shortest);
        assertTrue(longest <= 7_500_000_000L && longest > 7_490_000_000L, "longest " + longest);
        assertEquals(5.0, total / (double) reports / SECOND, 0.05);
    }

    @Test
    void isDueFromTheScheduledMomentOn() {
        ReportScheduler scheduler = new ReportScheduler(LOWEST, START);

        assertFalse(scheduler.isDue(START + 1_249_999_999L));
        assertTrue(scheduler.isDue(START + 1_250_000_000L));
        scheduler.reportSent(START + 1_250_000_000L);
        assertFalse(scheduler.isDue(START + 1_250_000_000L + 2_499_999_999L));
        assertTrue(scheduler.isDue(START + 1_250_000_000L + 2_500_000_000L));
    }

    /** §6.4: SR when RTP was sent since the report before last, RR otherwise. */
    @Test
    void choosesAnSenderReportWhileRtpWentOutInTheLastTwoIntervals() {
        ReportScheduler scheduler = new ReportScheduler(LOWEST, START);
        SenderStatistics sent = new SenderStatistics(8000);
        assertFalse(scheduler.isSender(sent), "nothing sent yet");

        sent.onPacketSent(0, 160, START + SECOND);
        assertTrue(scheduler.isSender(sent));
        scheduler.reportSent(START + 2 * SECOND);
        assertTrue(scheduler.isSender(sent), "sent in the interval before the last report");
        scheduler.reportSent(START + 7 * SECOND);
        assertFalse(scheduler.isSender(sent), "silent for two intervals");

        sent.onPacketSent(160, 160, START + 8 * SECOND);
        assertTrue(scheduler.isSender(sent));
    }
}
