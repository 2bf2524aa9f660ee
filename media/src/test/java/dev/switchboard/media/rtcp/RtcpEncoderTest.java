package dev.switchboard.media.rtcp;

import static dev.switchboard.media.rtcp.Hex.bytes;
import static dev.switchboard.media.rtcp.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpEncoderTest {

    private static final ReportBlock BLOCK =
            new ReportBlock(0x55667788L, 64, 5, 0x0001_0010L, 32, 0xB2C3_8000L, 0x0001_8000L);
    private static final SenderReport SR =
            new SenderReport(0x11223344L, 0xE7A1_B2C3_8000_0000L, 0xA000, 100, 16_000, List.of(BLOCK));

    @Test
    void writesTheHandBuiltVectorsByteForByte() {
        byte[] encoded = RtcpEncoder.encode(List.of(SR, SourceDescription.cname(0x11223344L, "user"),
                new Goodbye(List.of(0x11223344L), "hung up")));

        assertEquals(hex(bytes(RtcpDecoderTest.SENDER_REPORT + RtcpDecoderTest.SDES_USER
                + "81 cb 00 03  11 22 33 44  07 68 75 6e  67 20 75 70")), hex(encoded));
    }

    @Test
    void roundTripsEveryPacketTypeItWrites() throws RtcpFormatException {
        List<RtcpPacket> compound = List.of(
                SR,
                new ReceiverReport(0xFFFF_FFFFL, List.of(
                        new ReportBlock(0, 255, ReportBlock.MIN_CUMULATIVE_LOST, 0, 0, 0, 0),
                        new ReportBlock(0xFFFF_FFFFL, 0, ReportBlock.MAX_CUMULATIVE_LOST, 0xFFFF_FFFFL,
                                0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFFL),
                        new ReportBlock(7, 1, -1, 65_536, 1, 2, 3))),
                new SourceDescription(List.of(
                        new SourceDescription.Chunk(1, List.of(new SourceDescription.Item(1, "switchboard@host"),
                                new SourceDescription.Item(2, "Agent ✆ Ünïcode"))),
                        new SourceDescription.Chunk(2, List.of()),
                        new SourceDescription.Chunk(3, List.of(new SourceDescription.Item(1, "x".repeat(255)))))),
                new Goodbye(List.of(1L, 2L, 0xFFFF_FFFFL), "call ended"),
                new Goodbye(List.of(), ""));

        byte[] encoded = RtcpEncoder.encode(compound);

        assertEquals(compound, RtcpDecoder.decode(encoded));
        assertEquals(0, encoded.length % 4);
    }

    @Test
    void roundTripsTheLargestCounts() throws RtcpFormatException {
        List<ReportBlock> blocks = java.util.stream.LongStream.range(0, 31)
                .mapToObj(ssrc -> new ReportBlock(ssrc, 0, 0, 0, 0, 0, 0)).toList();
        List<RtcpPacket> compound = List.of(new SenderReport(1, 2, 3, 4, 5, blocks));

        byte[] encoded = RtcpEncoder.encode(compound);

        assertEquals(28 + 31 * 24, encoded.length);
        assertEquals(0x9F, encoded[0] & 0xFF, "V=2, P=0, RC=31");
        assertEquals(compound, RtcpDecoder.decode(encoded));
    }

    @Test
    void endsAChunkThatFillsItsLastWordWithAWholeNullWord() {
        byte[] encoded = RtcpEncoder.encode(List.of(new ReceiverReport(1, List.of()),
                SourceDescription.cname(1, "ab")));

        assertEquals(hex(bytes("80 c9 00 01  00 00 00 01  81 ca 00 03  00 00 00 01  01 02 61 62  00 00 00 00")),
                hex(encoded));
    }

    @Test
    void padsTheGoodbyeReasonToAWordWithNulls() {
        byte[] encoded = RtcpEncoder.encode(List.of(new ReceiverReport(1, List.of()),
                new Goodbye(List.of(1L), "hangup")));

        assertArrayEquals(bytes("80 c9 00 01  00 00 00 01  81 cb 00 03  00 00 00 01  06 68 61 6e  67 75 70 00"),
                encoded);
    }

    @Test
    void refusesACompoundThatDoesNotStartWithAReport() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RtcpEncoder.encode(List.of(SourceDescription.cname(1, "a"))));
        assertTrue(error.getMessage().contains("starts with an SR or RR"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RtcpEncoder.encode(List.of()));
    }

    @Test
    void refusesAnUnknownPacket() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RtcpEncoder.encode(
                List.of(new ReceiverReport(1, List.of()), new UnknownPacket(204, 0, 12))));
        assertTrue(error.getMessage().contains("only its type and length are known"), error.getMessage());
    }

    @Test
    void refusesTextLongerThan255BytesOfUtf8() {
        // 128 two-byte characters: 128 chars, 256 bytes.
        String tooLong = "é".repeat(128);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RtcpEncoder.encode(
                List.of(new ReceiverReport(1, List.of()), SourceDescription.cname(1, tooLong))));
        assertTrue(error.getMessage().contains("256 bytes in UTF-8"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RtcpEncoder.encode(
                List.of(new ReceiverReport(1, List.of()), new Goodbye(List.of(1L), tooLong))));
    }

    @Test
    void recordsRefuseValuesTheirFieldsCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new ReportBlock(1, 256, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReportBlock(1, 0, 0x80_0000, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReportBlock(1L << 32, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverReport(-1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SenderReport(1, 0, 1L << 32, 0, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SourceDescription.Item(0, "end marker"));
        assertThrows(IllegalArgumentException.class, () -> new Goodbye(
                java.util.Collections.nCopies(32, 1L), ""));
    }
}
