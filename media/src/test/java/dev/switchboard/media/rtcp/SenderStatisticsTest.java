package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderStatisticsTest {

    private static final NtpClock NTP =
            new NtpClock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), 0);

    @Test
    void countsPacketsAndPayloadOctets() {
        SenderStatistics sent = new SenderStatistics(8000);
        for (int i = 0; i < 50; i++) {
            sent.onPacketSent(1000 + i * 160L, 160, i * 20_000_000L);
        }
        sent.onPacketSent(1000 + 50 * 160L, 4, 50 * 20_000_000L); // a telephone-event

        SenderReport report = sent.report(9, NTP, 1_000_000_000L, List.of());

        assertEquals(9, report.ssrc());
        assertEquals(51, report.packetCount());
        assertEquals(50 * 160 + 4, report.octetCount());
        assertEquals(NTP.ntp(1_000_000_000L), report.ntpTimestamp());
    }

    @Test
    void extrapolatesTheRtpTimestampFromTheLastPacketAcrossASilentGap() {
        SenderStatistics sent = new SenderStatistics(8000);
        sent.onPacketSent(0xFFFF_FF00L, 160, 2_000_000_000L);

        SenderReport report = sent.report(1, NTP, 2_000_000_000L + 1_500_000_000L, List.of());

        // 1.5 s at 8 kHz is 12000 units past the last packet, across the 32-bit wrap.
        assertEquals((0xFFFF_FF00L + 12_000) & 0xFFFF_FFFFL, report.rtpTimestamp());
    }

    @Test
    void wrapsItsCountersAt32Bits() {
        SenderStatistics sent = new SenderStatistics(8000);
        sent.onPacketSent(0, Integer.MAX_VALUE, 0);
        sent.onPacketSent(0, Integer.MAX_VALUE, 0);
        sent.onPacketSent(0, 10, 0);

        SenderReport report = sent.report(1, NTP, 0, List.of());

        assertEquals((2L * Integer.MAX_VALUE + 10) & 0xFFFF_FFFFL, report.octetCount());
    }
}
