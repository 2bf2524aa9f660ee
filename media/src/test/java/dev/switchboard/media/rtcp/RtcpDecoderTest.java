package dev.switchboard.media.rtcp;

import static dev.switchboard.media.rtcp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-built packets, field by field from the layouts of RFC 3550 §6.4–6.6, decoded to known values. */
class RtcpDecoderTest {

    /** SR, RC=1, length 12 words; NTP 0xE7A1B2C3.80000000; one block with 25% loss, 5 lost, 1 wrap. */
    static final String SENDER_REPORT = """
            81 c8 00 0c  11 22 33 44
            e7 a1 b2 c3  80 00 00 00
            00 00 a0 00  00 00 00 64  00 00 3e 80
            55 66 77 88  40 00 00 05  00 01 00 10  00 00 00 20  b2 c3 80 00  00 01 80 00
            """;
    /** SDES, one chunk, CNAME "user": 10 bytes of chunk, a null item and one more null octet. */
    static final String SDES_USER = "81 ca 00 03  11 22 33 44  01 04 75 73  65 72 00 00";

    @Test
    void decodesASenderReportFieldByField() throws RtcpFormatException {
        List<RtcpPacket> packets = RtcpDecoder.decode(bytes(SENDER_REPORT));

        ReportBlock block = new ReportBlock(0x55667788L, 64, 5, 0x0001_0010L, 32, 0xB2C3_8000L, 0x0001_8000L);
        assertEquals(List.of(new SenderReport(0x11223344L, 0xE7A1_B2C3_8000_0000L, 0xA000, 100, 16_000,
                List.of(block))), packets);
    }

    @Test
    void decodesAReceiverReportWithNegativeCumulativeLoss() throws RtcpFormatException {
        byte[] rr = bytes("81 c9 00 07  aa bb cc dd  01 02 03 04  00 ff ff fe  00 00 ff ff  00 00 00 00"
                + "  00 00 00 00  00 00 00 00");

        ReceiverReport report = (ReceiverReport) RtcpDecoder.decode(rr).getFirst();

        assertEquals(0xAABBCCDDL, report.ssrc());
        assertEquals(new ReportBlock(0x01020304L, 0, -2, 0xFFFF, 0, 0, 0), report.reports().getFirst());
    }

    @Test
    void readsTheExtremesOfTheSigned24BitCumulativeLoss() throws RtcpFormatException {
        byte[] rr = bytes("82 c9 00 0d  00 00 00 01"
                + "  00 00 00 02  ff 80 00 00  ff ff ff ff  ff ff ff ff  ff ff ff ff  ff ff ff ff"
                + "  00 00 00 03  00 7f ff ff  00 00 00 00  00 00 00 00  00 00 00 00  00 00 00 00");

        List<ReportBlock> blocks = ((ReceiverReport) RtcpDecoder.decode(rr).getFirst()).reports();

        assertEquals(new ReportBlock(2, 255, -8_388_608, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFFL),
                blocks.get(0));
        assertEquals(8_388_607, blocks.get(1).cumulativeLost());
    }

    @Test
    void decodesACompoundOfReportDescriptionAndGoodbye() throws RtcpFormatException {
        String bye = "81 cb 00 03  11 22 33 44  07 68 75 6e  67 20 75 70";
        List<RtcpPacket> packets = RtcpDecoder.decode(bytes(SENDER_REPORT + SDES_USER + bye));

        assertEquals(3, packets.size());
        assertEquals(SourceDescription.cname(0x11223344L, "user"), packets.get(1));
        assertEquals(new Goodbye(List.of(0x11223344L), "hung up"), packets.get(2));
    }

    @Test
    void decodesSeveralChunksWithSeveralItems() throws RtcpFormatException {
        // Chunk 1: CNAME "ab" ends on a word boundary, so a whole null word follows. Chunk 2: NAME "é" (2 bytes of
        // UTF-8) and TOOL "x", then the null item and one pad octet.
        String sdes = "82 ca 00 06  00 00 00 01  01 02 61 62  00 00 00 00"
                + "  00 00 00 02  02 02 c3 a9  06 01 78 00";
        List<RtcpPacket> packets = RtcpDecoder.decode(bytes("80 c9 00 01 00 00 00 01" + sdes));

        SourceDescription description = (SourceDescription) packets.get(1);
        assertEquals(List.of(
                new SourceDescription.Chunk(1, List.of(new SourceDescription.Item(1, "ab"))),
                new SourceDescription.Chunk(2, List.of(new SourceDescription.Item(2, "é"),
                        new SourceDescription.Item(6, "x")))), description.chunks());
        assertEquals("ab", description.chunks().get(0).cname().orElseThrow());
        assertTrue(description.chunks().get(1).cname().isEmpty());
    }

    @Test
    void decodesAGoodbyeWithoutReasonAndOneOfSeveralSources() throws RtcpFormatException {
        List<RtcpPacket> packets = RtcpDecoder.decode(bytes("80 c9 00 01 00 00 00 01"
                + "  80 cb 00 00"
                + "  82 cb 00 02  00 00 00 07  ff ff ff ff"));

        assertEquals(new Goodbye(List.of(), ""), packets.get(1));
        assertEquals(new Goodbye(List.of(7L, 0xFFFF_FFFFL), ""), packets.get(2));
    }

    /** APP (204), RTPFB generic NACK (205), PSFB PLI (206) and an XR with one block (207). */
    @Test
    void skipsOtherPacketTypesByTheirLength() throws RtcpFormatException {
        String app = "82 cc 00 02  11 22 33 44  54 45 53 54";
        String nack = "81 cd 00 03  11 22 33 44  55 66 77 88  00 10 00 01";
        String pli = "81 ce 00 02  11 22 33 44  55 66 77 88";
        String xr = "80 cf 00 04  11 22 33 44  04 00 00 02  e7 a1 b2 c3  80 00 00 00";
        List<RtcpPacket> packets = RtcpDecoder.decode(bytes("80 c9 00 01 11 22 33 44" + app + nack + pli + xr
                + SDES_USER));

        assertEquals(List.of(new ReceiverReport(0x11223344L, List.of()), new UnknownPacket(204, 2, 12),
                new UnknownPacket(205, 1, 16), new UnknownPacket(206, 1, 12), new UnknownPacket(207, 0, 20),
                SourceDescription.cname(0x11223344L, "user")), packets);
    }

    /** Unlike A.2 asks, but as libre (baresip) sends its BYE: see the baresip fixtures in RtcpFixturesTest. */
    @Test
    void acceptsACompoundThatDoesNotStartWithAReport() throws RtcpFormatException {
        String bye = "81 cb 00 01  11 22 33 44";

        assertEquals(List.of(new Goodbye(List.of(0x11223344L), ""), SourceDescription.cname(0x11223344L, "user")),
                RtcpDecoder.decode(bytes(bye + SDES_USER)));
    }

    @Test
    void stripsPaddingFromTheLastPacket() throws RtcpFormatException {
        // BYE with P set: length 2 words = SSRC + 4 octets of padding whose last octet counts them.
        List<RtcpPacket> packets = RtcpDecoder.decode(bytes("80 c9 00 01 00 00 00 01  a1 cb 00 02  00 00 00 09"
                + "  00 00 00 04"));

        assertEquals(new Goodbye(List.of(9L), ""), packets.get(1));
    }

    @Test
    void skipsProfileSpecificExtensionsAfterTheReportBlocks() throws RtcpFormatException {
        List<RtcpPacket> packets = RtcpDecoder.decode(bytes("80 c9 00 03  00 00 00 01  de ad be ef  ca fe ba be"));

        assertEquals(List.of(new ReceiverReport(1, List.of())), packets);
    }

    @Test
    void decodesFromAnOffsetWithoutLookingOutside() throws RtcpFormatException {
        byte[] framed = bytes("ff ff  80 c9 00 01  00 00 00 05  81");

        assertEquals(List.of(new ReceiverReport(5, List.of())), RtcpDecoder.decode(framed, 2, 8));
    }

    /** RFC 5761 §4: on a multiplexed port, RTCP's second octet is 192–223 (its packet type). */
    @ParameterizedTest(name = "second octet {0}")
    @ValueSource(ints = {192, 200, 201, 205, 206, 207, 223})
    void recognisesRtcpOnAMultiplexedPort(int secondOctet) {
        assertTrue(RtcpDecoder.isRtcp(secondOctet));
    }

    /** PCMU, PCMA, telephone-event and dynamic types, with and without the marker bit. */
    @ParameterizedTest(name = "second octet {0}")
    @ValueSource(ints = {0, 8, 101, 127, 128, 136, 191, 224, 229})
    void leavesRtpOnAMultiplexedPortAlone(int secondOctet) {
        assertFalse(RtcpDecoder.isRtcp(secondOctet));
    }
}
