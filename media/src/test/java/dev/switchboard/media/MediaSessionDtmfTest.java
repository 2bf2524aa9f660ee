package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import dev.switchboard.media.dtmf.DtmfSender;
import dev.switchboard.media.dtmf.TelephoneEvent;
import dev.switchboard.media.pcap.PcapReader;
import dev.switchboard.media.pcap.PcapReader.UdpDatagram;
import dev.switchboard.media.pcap.Pcaps;
import dev.switchboard.media.rtp.RtpHeader;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** DTMF both ways through a call's session: RFC 4733 telephone-events in, digits the agent sends out. */
class MediaSessionDtmfTest extends MediaSessionFixture {

    private static final int TONE_TICKS = DtmfSender.TONE_MILLIS / 20;
    private static final int PACKETS_PER_DIGIT = TONE_TICKS + DtmfSender.FINAL_COPIES;
    private static final int TICKS_PER_DIGIT = PACKETS_PER_DIGIT + DtmfSender.PAUSE_MILLIS / 20;

    /** One packet the session sent: its header and, for a telephone-event, its report. */
    private record Sent(RtpHeader header, TelephoneEvent report) {}

    @Test
    void sendingOneHashProducesTheRfc4733PacketSequence() {
        session.start(PCMU_TO_PCM24K);

        CompletableFuture<Void> done = session.sendDtmf("1#");
        ticks(2 * TICKS_PER_DIGIT - 1);
        List<Sent> sent = readSent();

        assertEquals(2 * PACKETS_PER_DIGIT, sent.size());
        assertTrue(done.isDone(), "the last final report is out");
        RtpHeader first = sent.get(0).header();
        for (int i = 0; i < sent.size(); i++) {
            RtpHeader header = sent.get(i).header();
            TelephoneEvent report = sent.get(i).report();
            int ofDigit = i % PACKETS_PER_DIGIT;
            boolean last = ofDigit >= TONE_TICKS;
            assertEquals(TELEPHONE_EVENT_PT, header.payloadType());
            assertEquals((first.sequenceNumber() + i) & 0xFFFF, header.sequenceNumber(), "consecutive");
            assertEquals(first.ssrc(), header.ssrc());
            assertEquals(ofDigit == 0, header.marker(), "marker on each digit's first packet only");
            assertEquals(i < PACKETS_PER_DIGIT ? 1 : 11, report.event());
            assertEquals(last, report.end());
            assertEquals(FRAME * (last ? TONE_TICKS : ofDigit + 1), report.duration());
            assertEquals(DtmfSender.VOLUME, report.volume());
            RtpHeader digitStart = sent.get(i - ofDigit).header();
            assertEquals(digitStart.timestamp(), header.timestamp(), "one timestamp per event");
        }
        long gap = sent.get(PACKETS_PER_DIGIT).header().timestamp() - first.timestamp();
        assertTrue(gap >= (DtmfSender.TONE_MILLIS + DtmfSender.PAUSE_MILLIS) * 8L, "gap " + gap);
        assertEquals(new MediaStats(0, 2 * PACKETS_PER_DIGIT, 0, 0, 0, 0, 2), withoutSilence(session.stats()));
    }

    @Test
    void agentAudioQueuedBeforeAndDuringTheDigitsPlaysAfterThem() {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("item", 0, agentTone(3));

        session.sendDtmf("5");
        ticks(1);
        session.playAgentAudio("item", 0, agentTone(2));
        ticks(TICKS_PER_DIGIT - 1);
        assertEquals(100, session.bufferedMillis(), "none of the agent's voice was sent, or lost");
        ticks(6);
        List<Sent> sent = readSent();

        assertEquals(PACKETS_PER_DIGIT + 5, sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(i < PACKETS_PER_DIGIT ? TELEPHONE_EVENT_PT : PCMU_PT, sent.get(i).header().payloadType());
        }
        RtpHeader resumed = sent.get(PACKETS_PER_DIGIT).header();
        assertTrue(resumed.marker(), "a new talkspurt");
        assertEquals(sent.get(0).header().timestamp() + (long) TICKS_PER_DIGIT * FRAME, resumed.timestamp(),
                "the stream's clock ran on through the digit and its pause");
        assertEquals((sent.get(0).header().sequenceNumber() + PACKETS_PER_DIGIT) & 0xFFFF, resumed.sequenceNumber());
        assertFalse(session.isPlaying());
    }

    @Test
    void aBargeInDoesNotCancelTheDigits() {
        session.start(PCMU_TO_PCM24K);
        CompletableFuture<Void> done = session.sendDtmf("7");
        ticks(1);

        session.interruptPlayback();
        ticks(TICKS_PER_DIGIT);

        assertEquals(PACKETS_PER_DIGIT, readSent().size());
        assertTrue(done.isDone());
    }

    @Test
    void invalidDigitsAreRejectedAndNothingIsSent() {
        session.start(PCMU_TO_PCM24K);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.sendDtmf("1 2"));
        assertTrue(e.getMessage().contains("' '"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> session.sendDtmf("#e"));
        assertThrows(IllegalArgumentException.class, () -> session.sendDtmf(""));
        ticks(TICKS_PER_DIGIT);

        assertNull(channel.readOutbound());
    }

    @Test
    void withoutNegotiatedTelephoneEventsDigitsCannotBeSent() {
        session.start(new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, -1, MediaFormat.PCM16_24K));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> session.sendDtmf("1"));

        assertTrue(e.getMessage().contains("telephone-event"), e.getMessage());
    }

    @Test
    void digitsCannotBeSentBeforeStartOrAfterClose() {
        assertTrue(assertThrows(IllegalStateException.class, () -> session.sendDtmf("1"))
                .getMessage().contains("not started"));
        session.start(PCMU_TO_PCM24K);
        session.close();

        assertTrue(assertThrows(IllegalStateException.class, () -> session.sendDtmf("1"))
                .getMessage().contains("closed"));
    }

    @Test
    void closingFailsTheDigitsStillWaiting() {
        session.start(PCMU_TO_PCM24K);
        CompletableFuture<Void> done = session.sendDtmf("123");
        ticks(2);

        session.close();

        ExecutionException e = assertThrows(ExecutionException.class, done::get);
        assertInstanceOf(MediaException.class, e.getCause());
        releaseOutbound();
    }

    @Test
    void whatTheSessionSendsADetectingSessionReadsBack() {
        session.start(PCMU_TO_PCM24K);
        String digits = "0123456789*#ABCD99";
        session.sendDtmf(digits);
        ticks(digits.length() * TICKS_PER_DIGIT);

        for (DatagramPacket packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            deliver(SDP_REMOTE, packet.content());
        }

        assertEquals(digits, dtmf.toString());
        assertEquals(digits.length(), session.stats().dtmfReceived());
        assertEquals(digits.length(), session.stats().dtmfSent());
    }

    @Test
    void sippsRecordedKeyPressesReachTheListenerOnceEach() throws IOException {
        session.start(PCMU_TO_PCM24K);
        assertEquals(Pcaps.SIPP_TELEPHONE_EVENT_PT, TELEPHONE_EVENT_PT);
        List<UdpDatagram> recorded = new ArrayList<>(PcapReader.udpDatagrams(Pcaps.sippDtmf().get('*')));
        recorded.addAll(PcapReader.udpDatagrams(Pcaps.sippDtmf().get('#')));

        for (UdpDatagram datagram : recorded) {
            deliver(SDP_REMOTE, Unpooled.wrappedBuffer(datagram.payload()));
        }

        assertEquals("*#", dtmf.toString());
        assertEquals(new MediaStats(20, 0, 0, 0, 0, 2, 0), counters(session.stats()));
        assertEquals(0, session.stats().jitter().received(), "key presses are not audio");
    }

    @Test
    void keyPressesWithoutAnyMarkerBitAreEachReportedOnce() {
        session.start(PCMU_TO_PCM24K);
        int sequence = 1;

        // The same key twice, as a trunk that never sets the marker sends it (livekit/sip#585).
        for (long start : new long[] {16_000, 17_760}) {
            for (int update = 1; update <= 4; update++) {
                byte[] report = new TelephoneEvent(3, update == 4, 10, Math.min(update, 3) * FRAME).toBytes();
                deliver(SDP_REMOTE, rtp(false, TELEPHONE_EVENT_PT, sequence++, start, report));
            }
        }

        assertEquals("33", dtmf.toString());
    }

    @Test
    void aTelephoneEventTooShortForAReportIsMalformedAndDoesNotLatch() {
        session.start(PCMU_TO_PCM24K);

        deliver(NAT_SOURCE, TELEPHONE_EVENT_PT, 1, new byte[] {5, 0x0A, 0x00});

        assertEquals("", dtmf.toString());
        assertEquals(new MediaStats(0, 0, 1, 0, 0, 0, 0), counters(session.stats()));
        assertEquals(SDP_REMOTE, session.remote());
    }

    /** Reads, parses and releases every packet written so far. */
    private List<Sent> readSent() {
        List<Sent> sent = new ArrayList<>();
        for (DatagramPacket packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            try {
                assertEquals(SDP_REMOTE, packet.recipient());
                RtpHeader header = RtpHeader.parse(packet.content());
                assertNotNull(header);
                byte[] payload = ByteBufUtil.getBytes(packet.content(), header.payloadOffset(),
                        header.payloadLength());
                TelephoneEvent report = header.payloadType() == TELEPHONE_EVENT_PT
                        ? TelephoneEvent.parse(payload, 0, payload.length)
                        : null;
                sent.add(new Sent(header, report));
            } finally {
                packet.release();
            }
        }
        return sent;
    }

    /** The stats with the gap-fill count zeroed: ticks without caller audio fill silence, beside the point here. */
    private static MediaStats withoutSilence(MediaStats stats) {
        return new MediaStats(stats.packetsReceived(), stats.packetsSent(), stats.malformed(), stats.foreign(), 0,
                stats.dtmfReceived(), stats.dtmfSent());
    }
}
