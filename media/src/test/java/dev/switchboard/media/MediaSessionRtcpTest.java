package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import dev.switchboard.media.rtcp.ReceiverReport;
import dev.switchboard.media.rtcp.RtcpDecoder;
import dev.switchboard.media.rtcp.RtcpEncoder;
import dev.switchboard.media.rtcp.RtcpFormatException;
import dev.switchboard.media.rtcp.RtcpPacket;
import dev.switchboard.media.rtcp.SenderReport;
import dev.switchboard.media.rtcp.SourceDescription;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.socket.DatagramPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session's RTCP (RFC 3550 §6), here multiplexed on the RTP channel (RFC 5761) because the fixture attaches no
 * RTCP channel, with reports nominally every second (randomised to 0.5–1.5 s, the first after half that).
 */
class MediaSessionRtcpTest extends MediaSessionFixture {

    private static final long CALLER_SSRC = 0x1234_5678L;

    @Override
    MediaTuning tuning() {
        return new MediaTuning(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ZERO);
    }

    @Test
    void aReceiverReportGoesOutWithinTwoSeconds() throws RtcpFormatException {
        session.start(PCMU_TO_PCM24K);
        new Phone(SDP_REMOTE, PCMU_PT).send(10, tone(G711.MU_LAW));

        ticks(100 - 10);

        List<byte[]> reports = sentRtcp();
        assertFalse(reports.isEmpty(), "no report in 2 s");
        List<RtcpPacket> first = RtcpDecoder.decode(reports.getFirst());
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, first.getFirst(), "we sent no RTP");
        assertEquals(CALLER_SSRC, rr.reports().getFirst().ssrc(), "a block on the caller's stream");
        assertEquals(reports.size(), session.stats().rtcp().reportsSent());
    }

    @Test
    void whileTheAgentSpeaksTheReportIsASenderReport() throws RtcpFormatException {
        session.start(PCMU_TO_PCM24K);
        session.playAgentAudio("item", 0, agentTone(100));

        ticks(100);

        List<byte[]> reports = sentRtcp();
        assertFalse(reports.isEmpty(), "no report in 2 s");
        assertEquals(RtcpPacket.SR, reports.getFirst()[1] & 0xFF);
        assertInstanceOf(SenderReport.class, RtcpDecoder.decode(reports.getFirst()).getFirst());
    }

    @Test
    void theCallersReportsAreDecoded() {
        session.start(PCMU_TO_PCM24K);

        deliverRaw(SDP_REMOTE, RtcpEncoder.encode(List.of(new ReceiverReport(CALLER_SSRC, List.of()),
                SourceDescription.cname(CALLER_SSRC, "caller@192.0.2.10"))));

        assertEquals(1, session.stats().rtcp().reportsReceived());
        assertEquals(0, session.stats().malformed());
        assertEquals(0, session.stats().packetsReceived(), "not counted as RTP");
        assertTrue(callerAudio.isEmpty());
    }

    /** Reads and releases every datagram sent so far, and returns the RTCP ones (RFC 5761 §4: types 192–223). */
    private List<byte[]> sentRtcp() {
        List<byte[]> rtcp = new ArrayList<>();
        for (DatagramPacket packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            try {
                byte[] bytes = ByteBufUtil.getBytes(packet.content());
                assertEquals(SDP_REMOTE, packet.recipient());
                if (RtcpDecoder.isRtcp(bytes[1] & 0xFF)) {
                    rtcp.add(bytes);
                }
            } finally {
                packet.release();
            }
        }
        return rtcp;
    }
}
