package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Byte vectors checked against peers we did not write (see README.txt beside the fixtures): our encoder's output
 * as Wireshark's dissector reads it, and RTCP that baresip 1.0.0 (libre 1.1.0) sent in a real call.
 */
class RtcpFixturesTest {

    private static final long OUR_SSRC = 0x5B0A_57C1L;
    private static final long BARESIP_CALLEE = 0x9852_BE68L;
    private static final long BARESIP_CALLER = 0x8C96_6B36L;

    /** The packets of switchboard-sr-sdes-bye.hex, with the values tshark showed for each field. */
    private static List<RtcpPacket> senderReportDescriptionGoodbye() {
        NtpClock ntp = new NtpClock(Clock.fixed(Instant.parse("2024-03-01T12:34:56.789Z"), ZoneOffset.UTC), 0);
        SenderReport sr = new SenderReport(OUR_SSRC, ntp.ntp(0), 0x1234_5678L, 1234, 1234 * 160, List.of(
                new ReportBlock(0x00CA_11E4L, 25, 3, 0x0002_1F40L, 37, 0x9ABC_DEF0L, 0x0002_8000L),
                new ReportBlock(0x0000_0BADL, 0, -2, 0x0000_FFFFL, 0, 0, 0)));
        SourceDescription sdes = new SourceDescription(List.of(new SourceDescription.Chunk(OUR_SSRC, List.of(
                new SourceDescription.Item(SourceDescription.CNAME, "switchboard@127.0.0.1"),
                new SourceDescription.Item(6, "Switchboard")))));
        return List.of(sr, sdes, new Goodbye(List.of(OUR_SSRC), "call ended"));
    }

    @Test
    void encodesTheSenderReportCompoundTsharkDissected() throws Exception {
        byte[] fixture = fixture("switchboard-sr-sdes-bye.hex");

        assertArrayEquals(fixture, RtcpEncoder.encode(senderReportDescriptionGoodbye()));
        assertEquals(senderReportDescriptionGoodbye(), RtcpDecoder.decode(fixture));
        assertEquals(0xE98C_49F0_C9FB_E76CL, ((SenderReport) RtcpDecoder.decode(fixture).getFirst()).ntpTimestamp(),
                "tshark: Mar 1, 2024 12:34:56.788999999 UTC");
    }

    @Test
    void encodesTheReceiverReportWithEveryFieldAtItsMaximumAsTsharkDissectedIt() throws Exception {
        List<RtcpPacket> packets = List.of(
                new ReceiverReport(OUR_SSRC, List.of(new ReportBlock(0x00CA_11E4L, 255,
                        ReportBlock.MAX_CUMULATIVE_LOST, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFFL))),
                SourceDescription.cname(OUR_SSRC, "c"));
        byte[] fixture = fixture("switchboard-rr-sdes.hex");

        assertArrayEquals(fixture, RtcpEncoder.encode(packets));
        assertEquals(packets, RtcpDecoder.decode(fixture));
    }

    @Test
    void stripsPaddingWhereTsharkDoes() throws Exception {
        assertEquals(List.of(new ReceiverReport(OUR_SSRC, List.of()), new Goodbye(List.of(OUR_SSRC), "bye")),
                RtcpDecoder.decode(fixture("padded-rr-bye.hex")));
    }

    @Test
    void decodesBaresipsSenderReport() throws Exception {
        assertEquals(List.of(
                new SenderReport(BARESIP_CALLEE, 0xEEAC_8A86_E094_A2B9L, 76_237, 250, 40_000, List.of(
                        new ReportBlock(BARESIP_CALLER, 0, 0, 15_120, 19, 0, 0))),
                SourceDescription.cname(BARESIP_CALLEE, "sip:echo@127.0.0.1:32833")),
                RtcpDecoder.decode(fixture("baresip-sr-sdes.hex")));
    }

    @Test
    void decodesBaresipsGoodbyeThatComesBeforeItsReport() throws Exception {
        assertEquals(List.of(new Goodbye(List.of(BARESIP_CALLER), "Adjo"),
                SourceDescription.cname(BARESIP_CALLER, "sip:call-echo@127.0.0.1")),
                RtcpDecoder.decode(fixture("baresip-bye-sdes.hex")));
    }

    @Test
    void decodesBaresipsLonePingAsAnUnknownPacket() throws Exception {
        assertEquals(List.of(new UnknownPacket(RtcpPacket.APP, 0, 16)),
                RtcpDecoder.decode(fixture("baresip-app-ping.hex")));
    }

    /** We play the callee of the captured call, to which the caller said goodbye. */
    @Test
    void aSessionForgetsTheCallerAfterBaresipsGoodbye() throws Exception {
        NtpClock ntp = new NtpClock(Clock.fixed(Instant.parse("2026-11-21T21:24:00Z"), ZoneOffset.UTC), 0);
        RtcpSession session = new RtcpSession(BARESIP_CALLEE, "x", 8000, ntp, new SplittableRandom(5), 0);
        session.onRtpReceived(BARESIP_CALLER, 100, 0, 0);
        ReceiverReport before = (ReceiverReport) RtcpDecoder.decode(session.report(1)).getFirst();
        session.onRtpReceived(BARESIP_CALLER, 101, 160, 2);
        session.onRtcp(RtcpDecoder.decode(fixture("baresip-bye-sdes.hex")), 3);
        ReceiverReport after = (ReceiverReport) RtcpDecoder.decode(session.report(4)).getFirst();

        assertEquals(BARESIP_CALLER, before.reports().getFirst().ssrc());
        assertEquals(List.of(), after.reports(), "the caller's BYE leaves nothing to report on");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RtcpFixturesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing from src/test/resources/dev/switchboard/media/rtcp");
            return Hex.bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }
}
