package dev.switchboard.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RtpHeaderTest {

    /** V=2, no P/X/CC, M=1, PT=0, seq 0x1234, timestamp 0xDEADBEEF, SSRC 0xCAFEBABE. */
    private static final byte[] KNOWN_HEADER = bytes(
            0x80, 0x80, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0xCA, 0xFE, 0xBA, 0xBE);

    @Test
    void parsesTheFixedHeaderAndLocatesThePayload() {
        RtpHeader header = parse(concat(KNOWN_HEADER, new byte[160]));

        assertNotNull(header);
        assertTrue(header.marker());
        assertEquals(0, header.payloadType());
        assertEquals(0x1234, header.sequenceNumber());
        assertEquals(0xDEADBEEFL, header.timestamp());
        assertEquals(0xCAFEBABEL, header.ssrc());
        assertEquals(12, header.payloadOffset());
        assertEquals(160, header.payloadLength());
    }

    @Test
    void readsSequenceTimestampAndSsrcAsUnsignedUpToTheirMaximum() {
        RtpHeader header = parse(bytes(0x80, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x55));

        assertNotNull(header);
        assertFalse(header.marker());
        assertEquals(8, header.payloadType());
        assertEquals(65_535, header.sequenceNumber());
        assertEquals(4_294_967_295L, header.timestamp());
        assertEquals(4_294_967_295L, header.ssrc());
        assertEquals(1, header.payloadLength());
    }

    @Test
    void separatesTheMarkerBitFromTheHighestPayloadType() {
        RtpHeader marked = parse(header(0x80, 0xFF));
        RtpHeader unmarked = parse(header(0x80, 0x7F));

        assertTrue(marked.marker());
        assertEquals(127, marked.payloadType());
        assertFalse(unmarked.marker());
        assertEquals(127, unmarked.payloadType());
    }

    @Test
    void skipsTheCsrcList() {
        byte[] csrcs = bytes(0, 0, 0, 1, 0, 0, 0, 2);
        RtpHeader header = parse(concat(header(0x82, 0x00), csrcs, new byte[20]));

        assertEquals(12 + 8, header.payloadOffset());
        assertEquals(20, header.payloadLength());
    }

    @Test
    void skipsAHeaderExtensionAfterTheCsrcs() {
        byte[] csrc = bytes(0, 0, 0, 1);
        // RFC 8285 one-byte header profile 0xBEDE, length 2 words.
        byte[] extension = bytes(0xBE, 0xDE, 0x00, 0x02, 1, 2, 3, 4, 5, 6, 7, 8);
        RtpHeader header = parse(concat(header(0x91, 0x00), csrc, extension, new byte[30]));

        assertEquals(12 + 4 + 4 + 8, header.payloadOffset());
        assertEquals(30, header.payloadLength());
    }

    @Test
    void acceptsAnEmptyHeaderExtension() {
        RtpHeader header = parse(concat(header(0x90, 0x00), bytes(0x10, 0x00, 0x00, 0x00), new byte[5]));

        assertEquals(16, header.payloadOffset());
        assertEquals(5, header.payloadLength());
    }

    @Test
    void excludesPaddingFromThePayload() {
        byte[] payloadAndPadding = concat(new byte[40], bytes(0, 0, 0, 4));
        RtpHeader header = parse(concat(header(0xA0, 0x00), payloadAndPadding));

        assertEquals(12, header.payloadOffset());
        assertEquals(40, header.payloadLength());
    }

    @Test
    void acceptsPaddingThatFillsTheWholePayload() {
        RtpHeader header = parse(concat(header(0xA0, 0x00), bytes(0, 0, 0, 4)));

        assertNotNull(header);
        assertEquals(0, header.payloadLength());
    }

    @Test
    void combinesCsrcsExtensionAndPadding() {
        byte[] packet = concat(header(0xB1, 0x80), bytes(0, 0, 0, 9), bytes(0x10, 0x00, 0x00, 0x01, 9, 9, 9, 9),
                new byte[17], bytes(0, 0, 3));
        RtpHeader header = parse(packet);

        assertEquals(12 + 4 + 8, header.payloadOffset());
        assertEquals(17, header.payloadLength());
        assertTrue(header.marker());
    }

    @Test
    void acceptsAHeaderWithNoPayload() {
        RtpHeader header = parse(KNOWN_HEADER);

        assertNotNull(header);
        assertEquals(12, header.payloadOffset());
        assertEquals(0, header.payloadLength());
    }

    @Test
    void doesNotMoveTheReaderIndexAndReportsTheOffsetInTheWholeBuffer() {
        byte[] junk = bytes(1, 2, 3);
        ByteBuf buf = Unpooled.wrappedBuffer(concat(junk, KNOWN_HEADER, bytes(7, 7)));
        try {
            buf.readerIndex(junk.length);
            RtpHeader header = RtpHeader.parse(buf);

            assertEquals(junk.length, buf.readerIndex());
            assertEquals(junk.length + 12, header.payloadOffset());
            assertEquals(2, header.payloadLength());
            assertEquals(0x1234, header.sequenceNumber());
        } finally {
            buf.release();
        }
    }

    @Test
    void ignoresBytesAfterTheWriterIndex() {
        // The last byte, 0xFF, would be a bogus padding count if parse read past the writer index.
        ByteBuf buf = Unpooled.buffer(64);
        try {
            buf.writeBytes(concat(header(0xA0, 0x00), new byte[8], bytes(0, 2)));
            buf.setByte(buf.writerIndex(), 0xFF);
            RtpHeader header = RtpHeader.parse(buf);

            assertEquals(8, header.payloadLength());
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 11})
    void rejectsDatagramsShorterThanTheFixedHeader(int length) {
        assertNull(parse(Arrays.copyOf(KNOWN_HEADER, length)));
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {0, 1, 3})
    void rejectsOtherVersions(int version) {
        assertNull(parse(concat(header(version << 6, 0x00), new byte[160])));
    }

    @Test
    void rejectsACsrcCountBeyondThePacket() {
        // CC = 3 announces 12 bytes of CSRCs; only 8 are there.
        assertNull(parse(concat(header(0x83, 0x00), new byte[8])));
    }

    @Test
    void rejectsAnExtensionBitWithoutRoomForTheExtensionHeader() {
        assertNull(parse(concat(header(0x90, 0x00), bytes(0xBE, 0xDE, 0x00))));
    }

    @Test
    void rejectsAnExtensionLengthBeyondThePacket() {
        // Announces 4 words of extension; only 3 follow.
        assertNull(parse(concat(header(0x90, 0x00), bytes(0xBE, 0xDE, 0x00, 0x04), new byte[12])));
    }

    @Test
    void rejectsAPaddingBitWithAZeroPaddingCount() {
        assertNull(parse(concat(header(0xA0, 0x00), new byte[10], bytes(0))));
    }

    @Test
    void rejectsPaddingLongerThanThePayload() {
        assertNull(parse(concat(header(0xA0, 0x00), new byte[10], bytes(12))));
    }

    @Test
    void rejectsPaddingReachingIntoTheCsrcs() {
        assertNull(parse(concat(header(0xA1, 0x00), bytes(0, 0, 0, 6))));
    }

    /** RFC 5761 §4: the second byte of RTCP SR, RR, SDES, BYE and APP packets is 200 to 204. */
    @ParameterizedTest(name = "packet type {0}")
    @ValueSource(ints = {200, 201, 202, 203, 204})
    void rejectsRtcpPacketTypes(int packetType) {
        assertNull(parse(concat(header(0x81, packetType), new byte[20])));
    }

    @ParameterizedTest(name = "second byte {0}")
    @ValueSource(ints = {199, 205})
    void acceptsPayloadTypesNextToTheRtcpRange(int secondByte) {
        RtpHeader header = parse(concat(header(0x80, secondByte), new byte[20]));

        assertNotNull(header);
        assertTrue(header.marker());
        assertEquals(secondByte & 0x7F, header.payloadType());
    }

    @Test
    void writesTheRfc3550FixedHeaderByteForByte() {
        ByteBuf out = Unpooled.buffer();
        try {
            RtpHeader.write(out, true, 0, 0x1234, 0xDEADBEEFL, 0xCAFEBABEL);

            assertArrayEquals(KNOWN_HEADER, ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    @Test
    void writesAnUnmarkedHeaderWithMaximalFields() {
        ByteBuf out = Unpooled.buffer();
        try {
            RtpHeader.write(out, false, 8, 0xFFFF, 0xFFFF_FFFFL, 0xFFFF_FFFFL);

            assertArrayEquals(bytes(0x80, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF),
                    ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    @Test
    void writeAppendsAtTheWriterIndex() {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeByte(0x42);
            RtpHeader.write(out, true, 0, 0x1234, 0xDEADBEEFL, 0xCAFEBABEL);

            assertEquals(13, out.readableBytes());
            assertEquals(0x42, out.getUnsignedByte(0));
            assertArrayEquals(KNOWN_HEADER, ByteBufUtil.getBytes(out, 1, 12));
        } finally {
            out.release();
        }
    }

    @Test
    void aWrittenHeaderParsesBackToTheSameFields() {
        byte[] payload = {1, 2, 3, 4, 5};
        ByteBuf out = Unpooled.buffer();
        try {
            RtpHeader.write(out, true, 101, 65_535, 4_294_967_295L, 2_147_483_648L);
            out.writeBytes(payload);
            RtpHeader header = RtpHeader.parse(out);

            assertEquals(new RtpHeader(true, 101, 65_535, 4_294_967_295L, 2_147_483_648L, 12, payload.length),
                    header);
            assertArrayEquals(payload, ByteBufUtil.getBytes(out, header.payloadOffset(), header.payloadLength()));
        } finally {
            out.release();
        }
    }

    private static RtpHeader parse(byte[] datagram) {
        ByteBuf buf = Unpooled.wrappedBuffer(datagram);
        try {
            RtpHeader header = RtpHeader.parse(buf);
            assertEquals(0, buf.readerIndex(), "parse must not consume the buffer");
            return header;
        } finally {
            buf.release();
        }
    }

    /** A 12-byte fixed header with the given first two bytes and fixed seq/timestamp/SSRC. */
    private static byte[] header(int first, int second) {
        return bytes(first, second, 0x00, 0x01, 0x00, 0x00, 0x00, 0xA0, 0x11, 0x22, 0x33, 0x44);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
