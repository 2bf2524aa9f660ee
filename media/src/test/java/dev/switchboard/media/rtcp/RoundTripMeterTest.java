package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundTripMeterTest {

    private static final long UNIT_NANOS = 15_259; // 1/65536 s, rounded up

    /** RFC 3550 §6.4.1, figure 2: A = b710:8000, LSR = b705:2000, DLSR = 0005:4000, so RTT = 0006:2000. */
    @Test
    void reproducesTheRfcExample() {
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xB705_2000L, 0x0005_4000L);

        assertEquals(6_125_000_000L, block.roundTripNanos(0xB710_8000L));
    }

    @Test
    void cannotTellBeforeThePeerHasHadAnSrOrWhenTheResultIsNegative() {
        assertEquals(-1, new ReportBlock(1, 0, 0, 0, 0, 0, 0).roundTripNanos(0xB710_8000L));
        assertEquals(-1, new ReportBlock(1, 0, 0, 0, 0, 0xB710_0000L, 0x0001_0000L).roundTripNanos(0xB710_8000L));
    }

    @Test
    void survivesTheShortFormatWrapping() {
        // LSR just before the 16-bit seconds wrap, A just after it.
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xFFFF_C000L, 0x0000_4000L);

        assertEquals(500_000_000L, block.roundTripNanos(0x0000_8000L));
    }

    @Test
    void measuresWithinOneUnitForRememberedSenderReports() {
        NtpClock ntp = new NtpClock(Clock.fixed(Instant.parse("2024-05-06T07:08:09.123456789Z"), ZoneOffset.UTC),
                42);
        RoundTripMeter meter = new RoundTripMeter(ntp);
        SplittableRandom random = new SplittableRandom(6541);
        long now = 1_000_000_000L;
        for (int i = 0; i < 1000; i++) {
            now += random.nextLong(2_500_000_000L, 7_500_000_000L);
            SenderReport sr = new SenderReport(1, ntp.ntp(now), 0, 0, 0, List.of());
            meter.onSenderReportSent(sr, now);
            long roundTrip = random.nextLong(1_000_000L, 800_000_000L);
            long held = random.nextLong(0, 5_000_000_000L);
            ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, NtpClock.middle32(sr.ntpTimestamp()),
                    NtpClock.nanosToShort(held));

            long measured = meter.measure(block, now + roundTrip + held);

            assertTrue(Math.abs(measured - roundTrip) < UNIT_NANOS, "RTT " + roundTrip + ", measured " + measured);
        }
    }

    @Test
    void fallsBackToTheFormulaForAnSrItDoesNotRemember() {
        NtpClock ntp = new NtpClock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), 0);
        RoundTripMeter meter = new RoundTripMeter(ntp);
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, ntp.ntpShort(0), NtpClock.nanosToShort(1_000_000_000L));

        long measured = meter.measure(block, 1_250_000_000L);

        assertTrue(Math.abs(measured - 250_000_000L) < 2 * UNIT_NANOS, "measured " + measured);
    }
}
