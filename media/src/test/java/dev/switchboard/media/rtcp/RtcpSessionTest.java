package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtcpSessionTest {

    private static final long OUR_SSRC = 0xA1B2_C3D4L;
    private static final long CALLER_SSRC = 0x0102_0304L;
    private static final long SECOND = 1_000_000_000L;
    private static final NtpClock NTP =
            new NtpClock(Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC), 0);

    private final RtcpSession session =
            new RtcpSession(OUR_SSRC, "switchboard-call-1", 8000, NTP, new SplittableRandom(1), 0);

    @Test
    void firstReportIsAnEmptyReceiverReportAndOurCnameWhenNothingFlowed() throws RtcpFormatException {
        assertFalse(session.isReportDue(session.nextReportNanos() - 1));
        assertTrue(session.isReportDue(session.nextReportNanos()));
        assertTrue(session.nextReportNanos() >= 1_250_000_000L && session.nextReportNanos() <= 3_750_000_000L);

        List<RtcpPacket> report = RtcpDecoder.decode(session.report(session.nextReportNanos()));

        assertEquals(List.of(new ReceiverReport(OUR_SSRC, List.of()),
                SourceDescription.cname(OUR_SSRC, "switchboard-call-1")), report);
    }

    @Test
    void sendsAnSrWithABlockOnTheCallersStreamWhileAudioFlowsBothWays() throws RtcpFormatException {
        for (int i = 0; i < 100; i++) {
            long now = i * 20_000_000L;
            session.onRtpSent(5000 + i * 160L, 160, now);
            if (i % 10 != 3) {
                session.onRtpReceived(CALLER_SSRC, 700 + i, 90_000 + i * 160L, now + 30_000_000L);
            }
        }

        List<RtcpPacket> report = RtcpDecoder.decode(session.report(2 * SECOND));

        SenderReport sr = assertInstanceOf(SenderReport.class, report.getFirst());
        assertEquals(OUR_SSRC, sr.ssrc());
        assertEquals(100, sr.packetCount());
        assertEquals(16_000, sr.octetCount());
        assertEquals(NTP.ntp(2 * SECOND), sr.ntpTimestamp());
        assertEquals(5000 + 100 * 160L, sr.rtpTimestamp(), "2 s is 100 frames after the first packet");
        ReportBlock block = sr.reports().getFirst();
        assertEquals(CALLER_SSRC, block.ssrc());
        assertEquals(10, block.cumulativeLost());
        assertEquals(799, block.extendedHighestSequence());
        assertEquals(block, session.stats().sentReport());
    }

    @Test
    void reportsOnTheCallerOnlyIfItWasHeardSinceTheLastReport() throws RtcpFormatException {
        session.onRtpReceived(CALLER_SSRC, 1, 160, 0);
        session.report(3 * SECOND);

        ReceiverReport second = (ReceiverReport) RtcpDecoder.decode(session.report(8 * SECOND)).getFirst();

        assertEquals(List.of(), second.reports());
    }

    @Test
    void startsAfreshWhenTheCallersSsrcChanges() throws RtcpFormatException {
        for (int sequence = 0; sequence < 50; sequence += 2) {
            session.onRtpReceived(CALLER_SSRC, sequence, sequence * 160L, sequence * 20_000_000L);
        }
        session.onRtpReceived(0x0505_0505L, 9000, 0, SECOND);
        session.onRtpReceived(0x0505_0505L, 9001, 160, SECOND + 20_000_000L);

        ReceiverReport report = (ReceiverReport) RtcpDecoder.decode(session.report(2 * SECOND)).getFirst();

        assertEquals(List.of(new ReportBlock(0x0505_0505L, 0, 0, 9001, 0, 0, 0)), report.reports());
    }

    @Test
    void forgetsTheCallerAfterItsBye() throws RtcpFormatException {
        session.onRtpReceived(CALLER_SSRC, 1, 160, 0);
        session.onRtcp(List.of(new ReceiverReport(CALLER_SSRC, List.of()), new Goodbye(List.of(CALLER_SSRC), "")),
                SECOND);

        ReceiverReport report = (ReceiverReport) RtcpDecoder.decode(session.report(2 * SECOND)).getFirst();

        assertEquals(List.of(), report.reports());
        assertEquals(1, session.stats().reportsReceived());
    }

    @Test
    void keepsTheCallersViewOfOurStreamAndIgnoresBlocksAboutOthers() {
        ReportBlock aboutUs = new ReportBlock(OUR_SSRC, 12, 34, 5678, 90, 0, 0);
        session.onRtcp(List.of(new ReceiverReport(CALLER_SSRC, List.of(
                new ReportBlock(0x7777L, 255, 1, 1, 1, 1, 1), aboutUs)),
                new UnknownPacket(RtcpPacket.APP, 0, 12)), SECOND);

        assertEquals(aboutUs, session.stats().receivedReport());
        assertEquals(-1, session.stats().roundTripNanos(), "no LSR yet");
    }

    @Test
    void saysGoodbyeOnlyAfterSendingSomething() throws RtcpFormatException {
        assertTrue(session.goodbye("bye", SECOND).isEmpty(), "§6.3.7: no BYE from a participant that never sent");

        session.onRtpSent(0, 160, SECOND);
        List<RtcpPacket> goodbye = RtcpDecoder.decode(session.goodbye("call ended", 2 * SECOND).orElseThrow());

        assertInstanceOf(SenderReport.class, goodbye.get(0));
        assertInstanceOf(SourceDescription.class, goodbye.get(1));
        assertEquals(new Goodbye(List.of(OUR_SSRC), "call ended"), goodbye.get(2));
    }

    @Test
    void statsStartEmpty() {
        RtcpStats stats = session.stats();

        assertEquals(0, stats.reportsSent());
        assertEquals(-1, stats.roundTripNanos());
        assertNull(stats.sentReport());
        assertNull(stats.receivedReport());
    }
}
