package dev.switchboard.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Arrays;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RtpSenderTest {

    private static final int SAMPLES_PER_FRAME = 160;
    private static final int PCMU = 0;
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    /**
     * Every draw is all ones, so the sender starts at the highest SSRC, sequence number and timestamp whatever the
     * order in which it draws them: the next packet wraps both counters.
     */
    private static final RandomGenerator ALL_ONES = () -> -1L;

    @Test
    void onlyTheFirstPacketOfATalkspurtCarriesTheMarker() {
        RtpSender sender = new RtpSender(new Random(1), SAMPLES_PER_FRAME);

        assertTrue(send(sender).marker());
        assertFalse(send(sender).marker());
        assertFalse(send(sender).marker());
    }

    @Test
    void sequenceNumberAndTimestampAdvancePerPacket() {
        RtpSender sender = new RtpSender(new Random(2), SAMPLES_PER_FRAME);
        RtpHeader first = send(sender);

        for (int i = 1; i <= 5; i++) {
            RtpHeader next = send(sender);
            assertEquals((first.sequenceNumber() + i) & 0xFFFF, next.sequenceNumber());
            assertEquals((first.timestamp() + (long) i * SAMPLES_PER_FRAME) & 0xFFFF_FFFFL, next.timestamp());
        }
    }

    @Test
    void aSkippedTickAdvancesTheTimestampButNotTheSequenceNumber() {
        RtpSender sender = new RtpSender(new Random(3), SAMPLES_PER_FRAME);
        RtpHeader before = send(sender);
        sender.skip();
        sender.skip();
        RtpHeader after = send(sender);

        assertEquals((before.sequenceNumber() + 1) & 0xFFFF, after.sequenceNumber());
        assertEquals((before.timestamp() + 3L * SAMPLES_PER_FRAME) & 0xFFFF_FFFFL, after.timestamp());
    }

    @Test
    void thePacketAfterASkipStartsANewTalkspurt() {
        RtpSender sender = new RtpSender(new Random(4), SAMPLES_PER_FRAME);
        send(sender);
        send(sender);
        sender.skip();

        assertTrue(send(sender).marker());
        assertFalse(send(sender).marker());
    }

    @Test
    void skippingBeforeTheFirstPacketKeepsTheMarker() {
        RtpSender sender = new RtpSender(new Random(5), SAMPLES_PER_FRAME);
        sender.skip();

        assertTrue(send(sender).marker());
    }

    @Test
    void theSsrcStaysTheSameAndIsTheAdvertisedOne() {
        RtpSender sender = new RtpSender(new Random(6), SAMPLES_PER_FRAME);

        long ssrc = send(sender).ssrc();
        sender.skip();
        assertEquals(ssrc, send(sender).ssrc());
        assertEquals(ssrc, send(sender).ssrc());
        assertEquals(sender.ssrc(), ssrc);
        assertTrue(ssrc >= 0 && ssrc <= 0xFFFF_FFFFL);
    }

    @Test
    void theSameSeedGivesTheSameStreamAndAnotherSeedAnotherOne() {
        RtpHeader a = send(new RtpSender(new Random(7), SAMPLES_PER_FRAME));
        RtpHeader b = send(new RtpSender(new Random(7), SAMPLES_PER_FRAME));
        RtpHeader c = send(new RtpSender(new Random(8), SAMPLES_PER_FRAME));

        assertEquals(a, b);
        assertNotEquals(a.ssrc(), c.ssrc());
    }

    @Test
    void sequenceNumberWrapsFrom65535ToZero() {
        RtpSender sender = new RtpSender(ALL_ONES, SAMPLES_PER_FRAME);

        assertEquals(65_535, send(sender).sequenceNumber());
        assertEquals(0, send(sender).sequenceNumber());
        assertEquals(1, send(sender).sequenceNumber());
    }

    @Test
    void timestampWrapsAt2To32() {
        RtpSender sender = new RtpSender(ALL_ONES, SAMPLES_PER_FRAME);

        assertEquals(0xFFFF_FFFFL, send(sender).timestamp());
        assertEquals(SAMPLES_PER_FRAME - 1, send(sender).timestamp());
        assertEquals(2 * SAMPLES_PER_FRAME - 1, send(sender).timestamp());
    }

    @Test
    void timestampWrapsAcrossSkippedTicksToo() {
        RtpSender sender = new RtpSender(ALL_ONES, SAMPLES_PER_FRAME);
        sender.skip();
        RtpHeader header = send(sender);

        assertEquals(SAMPLES_PER_FRAME - 1, header.timestamp());
        assertEquals(65_535, header.sequenceNumber());
        assertEquals(0xFFFF_FFFFL, header.ssrc());
    }

    @Test
    void packetCarriesThePayloadTypeAndOnlyTheGivenPayloadBytes() {
        RtpSender sender = new RtpSender(new Random(9), SAMPLES_PER_FRAME);
        byte[] payload = {10, 20, 30, 40, 50, 60};
        ByteBuf packet = sender.packet(ALLOC, 8, payload, 4);
        try {
            assertEquals(RtpHeader.FIXED_HEADER_BYTES + 4, packet.readableBytes());
            RtpHeader header = RtpHeader.parse(packet);
            assertEquals(8, header.payloadType());
            assertArrayEquals(new byte[] {10, 20, 30, 40},
                    ByteBufUtil.getBytes(packet, header.payloadOffset(), header.payloadLength()));
        } finally {
            packet.release();
        }
    }

    @Test
    void timestampStepFollowsTheFrameSize() {
        RtpSender sender = new RtpSender(new Random(10), 320);
        long first = send(sender).timestamp();
        sender.skip();

        assertEquals((first + 640) & 0xFFFF_FFFFL, send(sender).timestamp());
    }

    @Test
    void anEventPacketCarriesTheGivenTimestampAndMarkerAndContinuesTheSequence() {
        RtpSender sender = new RtpSender(new Random(11), SAMPLES_PER_FRAME);
        RtpHeader audio = send(sender);
        long eventStart = sender.timestamp();
        byte[] report = {5, 0x0A, 0x00, (byte) 0xA0};

        RtpHeader first = sendEvent(sender, true, eventStart, report);
        RtpHeader update = sendEvent(sender, false, eventStart, report);

        assertEquals((audio.timestamp() + SAMPLES_PER_FRAME) & 0xFFFF_FFFFL, eventStart);
        assertEquals(eventStart, first.timestamp());
        assertEquals(eventStart, update.timestamp(), "RFC 4733 §2.5.1.2: the event's start, every packet");
        assertTrue(first.marker());
        assertFalse(update.marker());
        assertEquals((audio.sequenceNumber() + 1) & 0xFFFF, first.sequenceNumber());
        assertEquals((audio.sequenceNumber() + 2) & 0xFFFF, update.sequenceNumber());
        assertEquals(audio.ssrc(), update.ssrc());
    }

    @Test
    void eventPacketsAdvanceTheClockAndAudioAfterThemIsANewTalkspurt() {
        RtpSender sender = new RtpSender(new Random(12), SAMPLES_PER_FRAME);
        RtpHeader before = send(sender);
        sendEvent(sender, true, sender.timestamp(), new byte[4]);
        sendEvent(sender, false, 0, new byte[4]);

        RtpHeader after = send(sender);

        assertEquals((before.timestamp() + 3L * SAMPLES_PER_FRAME) & 0xFFFF_FFFFL, after.timestamp());
        assertEquals((before.sequenceNumber() + 3) & 0xFFFF, after.sequenceNumber());
        assertTrue(after.marker());
    }

    @Test
    void timestampIsTheNextAudioPacketsTimestamp() {
        RtpSender sender = new RtpSender(ALL_ONES, SAMPLES_PER_FRAME);
        sender.skip();

        assertEquals(SAMPLES_PER_FRAME - 1, sender.timestamp());
        assertEquals(sender.timestamp(), send(sender).timestamp());
    }

    private static RtpHeader sendEvent(RtpSender sender, boolean marker, long timestamp, byte[] report) {
        ByteBuf packet = sender.eventPacket(ALLOC, 101, marker, timestamp, report, report.length);
        try {
            RtpHeader header = RtpHeader.parse(packet);
            assertEquals(101, header.payloadType());
            assertArrayEquals(report, ByteBufUtil.getBytes(packet, header.payloadOffset(), header.payloadLength()));
            return header;
        } finally {
            packet.release();
        }
    }

    /** Sends a frame of 0x5A bytes and parses the header back from the wire bytes. */
    private static RtpHeader send(RtpSender sender) {
        byte[] payload = new byte[SAMPLES_PER_FRAME];
        Arrays.fill(payload, (byte) 0x5A);
        ByteBuf packet = sender.packet(ALLOC, PCMU, payload, payload.length);
        try {
            RtpHeader header = RtpHeader.parse(packet);
            assertNotNull(header, "sender wrote an unparseable packet");
            assertEquals(PCMU, header.payloadType());
            assertEquals(RtpHeader.FIXED_HEADER_BYTES, header.payloadOffset());
            assertArrayEquals(payload, ByteBufUtil.getBytes(packet, header.payloadOffset(), header.payloadLength()));
            return header;
        } finally {
            packet.release();
        }
    }
}
