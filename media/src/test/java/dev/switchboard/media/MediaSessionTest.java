package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.codec.G711;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call's media session driven by hand: lifecycle, caller audio in, and what it drops. */
class MediaSessionTest extends MediaSessionFixture {

    @Test
    void beforeStartPacketsAndAgentAudioAreIgnored() {
        deliver(SDP_REMOTE, PCMU_PT, 1, tone(G711.MU_LAW));
        session.playAgentAudio("item", 0, agentTone(1));

        assertTrue(callerAudio.isEmpty());
        assertEquals(new MediaStats(0, 0, 0, 0, 0, 0, 0), session.stats());
        assertNull(session.remote());
        assertFalse(session.isPlaying());
        assertEquals(0, pacer.clients());
    }

    @Test
    void startJoinsThePacerAndTargetsTheSdpAddress() {
        session.start(PCMU_TO_PCM24K);

        assertEquals(1, pacer.clients());
        assertEquals(SDP_REMOTE, session.remote());
        assertEquals(20_000, session.localPort());
    }

    @Test
    void aSecondStartIsIgnored() {
        session.start(PCMU_TO_PCM24K);
        session.start(new StreamSettings(INTRUDER, G711.A_LAW, PCMA_PT, -1, MediaFormat.PCM16_24K));

        assertEquals(1, pacer.clients());
        assertEquals(SDP_REMOTE, session.remote());
        deliver(SDP_REMOTE, PCMU_PT, 1, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS);
        assertEquals(1, callerAudio.size(), "still PCMU");
        assertEquals(0, session.stats().malformed());
    }

    @Test
    void aPcmuPacketReachesTheAgentAs20MillisecondsOf24kHzPcm() {
        session.start(PCMU_TO_PCM24K);
        byte[] payload = tone(G711.MU_LAW);

        deliver(SDP_REMOTE, PCMU_PT, 1, payload);
        ticks(PLAYOUT_DELAY_TICKS - 1);
        assertTrue(callerAudio.isEmpty(), "the jitter buffer holds it for its initial delay");
        ticks(1);

        assertEquals(1, callerAudio.size());
        assertEquals(CHUNK_24K_BYTES, callerAudio.get(0).length);
        byte[] expected = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).convert(payload, 0, FRAME);
        assertArrayEquals(expected, callerAudio.get(0));
        assertEquals(new MediaStats(1, 0, 0, 0, 0, 0, 0), counters(session.stats()));
    }

    @Test
    void consecutivePacketsEachProduceOneChunk() {
        session.start(PCMU_TO_PCM24K);

        new Phone(SDP_REMOTE, PCMU_PT).send(5, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(5, callerAudio.size());
        assertTrue(callerAudio.stream().allMatch(chunk -> chunk.length == CHUNK_24K_BYTES));
        assertEquals(5, session.stats().packetsReceived());
    }

    @Test
    void theSessionNeitherConsumesNorReleasesTheDatagram() {
        session.start(PCMU_TO_PCM24K);
        ByteBuf datagram = rtp(PCMU_PT, 1, tone(G711.MU_LAW));
        try {
            session.onDatagram(SDP_REMOTE, datagram);

            assertEquals(0, datagram.readerIndex());
            assertEquals(1, datagram.refCnt());
        } finally {
            datagram.release();
        }
        ticks(PLAYOUT_DELAY_TICKS);
        assertEquals(1, callerAudio.size());
    }

    @Test
    void aMuLawAgentGetsTheCallersPayloadBytesUntouched() {
        session.start(new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, TELEPHONE_EVENT_PT,
                new MediaFormat(Encoding.PCMU, 8_000)));
        byte[] payload = tone(G711.MU_LAW);

        deliver(SDP_REMOTE, PCMU_PT, 1, payload);
        ticks(PLAYOUT_DELAY_TICKS);

        assertEquals(1, callerAudio.size());
        assertArrayEquals(payload, callerAudio.get(0));
    }

    @Test
    void aWrongPayloadTypeIsCountedAsMalformedAndDoesNotLatch() {
        session.start(PCMU_TO_PCM24K);

        deliver(NAT_SOURCE, PCMA_PT, 1, tone(G711.A_LAW));

        assertTrue(callerAudio.isEmpty());
        assertEquals(new MediaStats(0, 0, 1, 0, 0, 0, 0), counters(session.stats()));
        assertEquals(SDP_REMOTE, session.remote());
        deliver(INTRUDER, PCMU_PT, 2, tone(G711.MU_LAW));
        assertEquals(INTRUDER, session.remote(), "the first valid packet latches, whatever came before");
    }

    @Test
    void garbageIsCountedAsMalformed() {
        session.start(PCMU_TO_PCM24K);

        deliverRaw(NAT_SOURCE, "this is not RTP at all".getBytes(StandardCharsets.US_ASCII));
        deliverRaw(NAT_SOURCE, new byte[] {(byte) 0x80, 0, 0});
        deliverRaw(NAT_SOURCE, new byte[0]);

        assertTrue(callerAudio.isEmpty());
        assertEquals(new MediaStats(0, 0, 3, 0, 0, 0, 0), counters(session.stats()));
        assertEquals(SDP_REMOTE, session.remote());
    }

    /** RTCP on the RTP port is told apart by its packet type (RFC 5761 §4) and must be valid RTCP. */
    @Test
    void malformedRtcpOnTheRtpPortIsCountedAsMalformed() {
        session.start(PCMU_TO_PCM24K);
        // A receiver report (V=2, RC=0, PT=201, length 1, SSRC) followed by four bytes its length does not cover.
        deliverRaw(SDP_REMOTE, new byte[] {(byte) 0x80, (byte) 201, 0, 1, 1, 2, 3, 4, 0, 0, 0, 0});

        assertEquals(1, session.stats().malformed());
        assertEquals(0, session.stats().rtcp().reportsReceived());
        assertEquals(0, session.stats().jitter().received(), "not taken for audio either");
    }

    @Test
    void aPayloadLargerThanAnEthernetFrameIsCountedAsMalformed() {
        session.start(PCMU_TO_PCM24K);

        deliver(SDP_REMOTE, PCMU_PT, 1, new byte[1501]);
        deliver(SDP_REMOTE, PCMU_PT, 2, new byte[1500]);
        ticks(PLAYOUT_DELAY_TICKS);

        assertEquals(1, session.stats().malformed());
        assertEquals(1, callerAudio.size());
        assertEquals(1500 * 6, callerAudio.get(0).length);
    }

    @Test
    void telephoneEventsAreKeyPressesNotAudio() {
        session.start(PCMU_TO_PCM24K);

        // RFC 4733 event 5, end bit, volume 10, duration 800.
        deliver(NAT_SOURCE, TELEPHONE_EVENT_PT, 1, new byte[] {5, (byte) 0x8A, 0x03, 0x20});

        assertTrue(callerAudio.isEmpty());
        assertEquals(0, session.stats().jitter().received(), "nothing went to the caller's audio stream");
        assertEquals("5", dtmf.toString());
        assertEquals(new MediaStats(1, 0, 0, 0, 0, 1, 0), counters(session.stats()));
        assertEquals(NAT_SOURCE, session.remote(), "a valid packet latches");
    }

    @Test
    void telephoneEventsAreMalformedWhenNotNegotiated() {
        session.start(new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, -1, MediaFormat.PCM16_24K));

        deliver(SDP_REMOTE, TELEPHONE_EVENT_PT, 1, new byte[] {5, (byte) 0x8A, 0x03, 0x20});

        assertEquals(1, session.stats().malformed());
        assertEquals("", dtmf.toString());
    }

    @Test
    void closeRunsTheCallbackOnceClosesTheChannelAndLeavesThePacer() {
        session.start(PCMU_TO_PCM24K);

        session.close();
        session.close();

        assertEquals(List.of(session), closed, "the callback ran once, with this session");
        assertFalse(channel.isOpen());
        assertEquals(0, pacer.clients());
    }

    @Test
    void closeBeforeStartStillRunsTheCallbackOnce() {
        session.close();
        session.close();

        assertEquals(List.of(session), closed);
        assertFalse(channel.isOpen());
    }

    @Test
    void aClosedSessionIgnoresEverything() {
        session.start(PCMU_TO_PCM24K);
        session.close();

        deliver(SDP_REMOTE, PCMU_PT, 1, tone(G711.MU_LAW));
        session.playAgentAudio("item", 0, agentTone(1));
        session.start(PCMU_TO_PCM24K);

        assertTrue(callerAudio.isEmpty());
        assertFalse(session.isPlaying());
        assertEquals(new MediaStats(0, 0, 0, 0, 0, 0, 0), counters(session.stats()));
        assertEquals(0, session.stats().jitter().received());
        assertEquals(0, pacer.clients());
    }

    @Test
    void closingWithoutAChannelStillRunsTheCallback() {
        MediaSession unbound = new MediaSession("unbound", 20_002, pacer, callerAudio::add, nanoClock::get,
                closed::add, QUIET);

        unbound.close();

        assertEquals(List.of(unbound), closed);
        assertTrue(unbound.toString().contains("unbound"));
    }
}
