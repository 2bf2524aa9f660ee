package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.audio.AgentAudioPath;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.playout.PlaybackPosition;
import dev.switchboard.media.rtp.RtpHeader;
import dev.switchboard.media.transport.FramePacer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The agent's voice out: one RTP packet per tick, talkspurts, and barge-in. */
class MediaSessionPlayoutTest extends MediaSessionFixture {

    @Test
    void aTickSendsOneFrameOfAgentAudioAsPcmuToTheRemote() {
        session.start(PCMU_TO_PCM24K);
        byte[] agentAudio = agentTone(1);

        session.playAgentAudio("item", 0, agentAudio);
        ticks(1);

        DatagramPacket packet = channel.readOutbound();
        assertNotNull(packet);
        try {
            assertEquals(SDP_REMOTE, packet.recipient());
            ByteBuf content = packet.content();
            assertEquals(RtpHeader.FIXED_HEADER_BYTES + FRAME, content.readableBytes());
            RtpHeader header = RtpHeader.parse(content);
            assertEquals(PCMU_PT, header.payloadType());
            assertTrue(header.marker());
            assertEquals(FRAME, header.payloadLength());
            byte[] expected = new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).convert(agentAudio);
            assertArrayEquals(expected, ByteBufUtil.getBytes(content, header.payloadOffset(), FRAME),
                    "one full frame: it runs out at the frame's end, no edge to fade");
        } finally {
            packet.release();
        }
        assertEquals(1, session.stats().packetsSent());
        assertFalse(session.isPlaying());
    }

    @Test
    void aTickWithNothingBufferedSendsNothing() {
        session.start(PCMU_TO_PCM24K);

        ticks(2);

        assertNull(channel.readOutbound());
        assertEquals(0, session.stats().packetsSent());
    }

    @Test
    void consecutiveFramesFormOneTalkspurtAndTheNextStartsWithAMarker() {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("item", 0, agentTone(3));
        List<RtpHeader> sent = new ArrayList<>();
        ticks(5);
        for (DatagramPacket packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            sent.add(RtpHeader.parse(packet.content()));
            packet.release();
        }
        session.playAgentAudio("next", 0, agentTone(1));
        ticks(1);
        DatagramPacket next = channel.readOutbound();
        RtpHeader resumed = RtpHeader.parse(next.content());
        next.release();

        assertEquals(3, sent.size());
        RtpHeader first = sent.get(0);
        assertTrue(first.marker());
        for (int i = 1; i < 3; i++) {
            assertFalse(sent.get(i).marker());
            assertEquals((first.sequenceNumber() + i) & 0xFFFF, sent.get(i).sequenceNumber());
            assertEquals((first.timestamp() + (long) i * FRAME) & 0xFFFF_FFFFL, sent.get(i).timestamp());
            assertEquals(first.ssrc(), sent.get(i).ssrc());
        }
        assertTrue(resumed.marker(), "a new talkspurt");
        assertEquals((first.sequenceNumber() + 3) & 0xFFFF, resumed.sequenceNumber());
        assertEquals((first.timestamp() + 5L * FRAME) & 0xFFFF_FFFFL, resumed.timestamp(), "two silent ticks");
        assertEquals(4, session.stats().packetsSent());
    }

    @Test
    void bufferedMillisCountsDownAsFramesGoOut() {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("item", 0, agentTone(5));

        assertTrue(session.isPlaying());
        assertEquals(100, session.bufferedMillis());
        ticks(1);
        assertEquals(80, session.bufferedMillis());
        releaseOutbound();
    }

    /** The tick after a barge-in sends one last frame: 5 ms of ramp down from where the voice was cut, then silence. */
    @Test
    void interruptPlaybackReturnsWhatWasHeardAndSilencesTheNextTick() {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("item-1", 0, agentTone(5));
        ticks(2);
        assertEquals(2, releaseOutbound());

        PlaybackPosition cut = session.interruptPlayback();

        assertEquals(new PlaybackPosition("item-1", 0, 40), cut);
        assertFalse(session.isPlaying());
        assertEquals(0, session.bufferedMillis());
        ticks(1);
        List<SentPacket> ramp = readPackets();
        assertEquals(1, ramp.size());
        byte[] silent = new byte[FRAME - RAMP];
        Arrays.fill(silent, G711.MU_LAW.silence());
        assertArrayEquals(silent, Arrays.copyOfRange(ramp.get(0).payload(), RAMP, FRAME), "silent after 5 ms");
        ticks(1);
        assertNull(channel.readOutbound());
        assertEquals(3, session.stats().packetsSent());
    }

    @Test
    void theFirstPacketAfterAnInterruptionStartsANewTalkspurt() {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("item-1", 0, agentTone(60));
        ticks(1);
        releaseOutbound();
        session.interruptPlayback();
        session.playAgentAudio("item-2", 0, agentTone(60));
        ticks(2);

        List<SentPacket> sent = readPackets();
        assertEquals(2, sent.size());
        assertFalse(sent.get(0).header().marker(), "the ramp down ends the cut talkspurt");
        assertTrue(sent.get(1).header().marker(), "RFC 3551 §4.1: a new talkspurt, a marker");
    }

    @Test
    void interruptingWithNothingQueuedReturnsNull() {
        assertNull(session.interruptPlayback(), "before start");
        session.start(PCMU_TO_PCM24K);
        assertNull(session.interruptPlayback());
    }

    @Test
    void audioAfterAnInterruptionStartsFromCleanFilterHistory() {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("cut", 0, agentTone(5));
        session.interruptPlayback();

        byte[] silence = new byte[CHUNK_24K_BYTES];
        session.playAgentAudio("next", 0, silence);
        ticks(1);

        DatagramPacket packet = channel.readOutbound();
        try {
            RtpHeader header = RtpHeader.parse(packet.content());
            byte[] payload = ByteBufUtil.getBytes(packet.content(), header.payloadOffset(), header.payloadLength());
            byte[] silent = new byte[FRAME];
            Arrays.fill(silent, G711.MU_LAW.silence());
            assertArrayEquals(silent, payload, "no tail of the cut-off speech");
        } finally {
            packet.release();
        }
    }

    @Test
    void aLawCallsSendAndReceivePcma() {
        session.start(new StreamSettings(SDP_REMOTE, G711.A_LAW, PCMA_PT, TELEPHONE_EVENT_PT, MediaFormat.PCM16_24K));
        byte[] payload = tone(G711.A_LAW);

        deliver(SDP_REMOTE, PCMA_PT, 1, payload);
        deliver(SDP_REMOTE, PCMU_PT, 2, tone(G711.MU_LAW));
        session.playAgentAudio("item", 0, agentTone(1));
        ticks(PLAYOUT_DELAY_TICKS);

        assertEquals(1, callerAudio.size());
        assertArrayEquals(new CallerAudioPath(G711.A_LAW, MediaFormat.PCM16_24K).convert(payload, 0, FRAME),
                callerAudio.get(0));
        assertEquals(1, session.stats().malformed(), "PCMU on a PCMA stream");
        DatagramPacket packet = channel.readOutbound();
        try {
            RtpHeader header = RtpHeader.parse(packet.content());
            assertEquals(PCMA_PT, header.payloadType());
            byte[] expected = new AgentAudioPath(G711.A_LAW, MediaFormat.PCM16_24K).convert(agentTone(1));
            assertArrayEquals(expected, ByteBufUtil.getBytes(packet.content(), header.payloadOffset(), FRAME));
        } finally {
            packet.release();
        }
    }

    @Test
    void thePacerDrivesTheTicks() {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("item", 0, agentTone(2));

        channel.advanceTimeBy(FramePacer.FRAME_MILLIS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(1, releaseOutbound());
        channel.advanceTimeBy(FramePacer.FRAME_MILLIS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(1, releaseOutbound());
    }
}
