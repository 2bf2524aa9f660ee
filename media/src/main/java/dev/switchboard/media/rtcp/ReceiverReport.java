package dev.switchboard.media.rtcp;

import java.util.List;

/**
 * An RR (RFC 3550 §6.4.2): reports on the streams a participant receives, sent when it has not sent RTP lately.
 * An RR with no blocks is what §6.1 asks to lead a compound packet when there is nothing to report.
 *
 * @param ssrc    the reporter
 * @param reports up to 31 reception report blocks
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {

    public ReceiverReport {
        if (!Fields.isUnsigned32(ssrc)) {
            throw new IllegalArgumentException("SSRC " + ssrc + " out of unsigned 32-bit range");
        }
        reports = Fields.checkCount(reports);
    }

    @Override
    public int packetType() {
        return RR;
    }
}
