package dev.switchboard.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One call's RTCP (RFC 3550 §6): counts what we send and receive, reads the caller's reports, and builds ours
 * when they are due. It never touches a socket: the media session hands it packets and times, sends the bytes it
 * returns to the RTCP address (RTP port + 1, or the RTP port itself with RFC 5761 rtcp-mux), and decodes what
 * arrives there with {@link RtcpDecoder}.
 *
 * <p>A call has one remote source. When RTP arrives from a new SSRC (the caller's side restarted its stream, or
 * a PBX switched legs), statistics start afresh for it and the old source is forgotten; a BYE for the source
 * forgets it too. Every report is SR-or-RR, then SDES with our CNAME (§6.1), and carries a report block on the
 * caller's stream only if packets arrived since the last report (§6.4).
 *
 * <p>Threading: confined to the call's event loop. All times are the session's monotonic nanoseconds.
 */
public final class RtcpSession {

    private final long localSsrc;
    private final int clockRate;
    private final NtpClock ntp;
    private final SourceDescription description;
    private final SenderStatistics sent;
    private final ReportScheduler scheduler;
    private final RoundTripMeter roundTrip;
    private ReceptionStatistics remote;
    private long reportsSent;
    private long reportsReceived;
    private long roundTripNanos = -1;
    private ReportBlock sentReport;
    private ReportBlock receivedReport;

    /**
     * @param localSsrc  our RTP stream's SSRC ({@code RtpSender.ssrc()})
     * @param cname      our canonical name (§6.5.1), e.g. a random per-call id: it only has to be unique
     * @param clockRate  the RTP clock rate of the call's audio, in Hz
     * @param ntp        the wall clock for SR timestamps and round-trip times
     * @param random     randomises the report interval (§6.3.1)
     * @param startNanos when the session starts; the first report is due about 2.5 s later
     */
    public RtcpSession(long localSsrc, String cname, int clockRate, NtpClock ntp, RandomGenerator random,
            long startNanos) {
        this(localSsrc, cname, clockRate, ntp, random, startNanos, ReportScheduler.INTERVAL_NANOS);
    }

    /** As above, with reports every {@code intervalNanos} (randomised) instead of §6.2's 5 s. */
    public RtcpSession(long localSsrc, String cname, int clockRate, NtpClock ntp, RandomGenerator random,
            long startNanos, long intervalNanos) {
        this.localSsrc = localSsrc;
        this.clockRate = clockRate;
        this.ntp = ntp;
        this.description = SourceDescription.cname(localSsrc, cname);
        this.sent = new SenderStatistics(clockRate);
        this.scheduler = new ReportScheduler(random, startNanos, intervalNanos);
        this.roundTrip = new RoundTripMeter(ntp);
    }

    /** Counts an RTP packet we sent; see {@link SenderStatistics#onPacketSent} for the timestamp to pass. */
    public void onRtpSent(long rtpTimestamp, int payloadOctets, long sentNanos) {
        sent.onPacketSent(rtpTimestamp, payloadOctets, sentNanos);
    }

    /** Counts a received audio packet. */
    public void onRtpReceived(long ssrc, int sequence, long rtpTimestamp, long arrivalNanos) {
        source(ssrc).onPacket(sequence, rtpTimestamp, arrivalNanos);
    }

    /** Counts a received RFC 4733 telephone-event packet: for loss, not for jitter. */
    public void onRtpEventReceived(long ssrc, int sequence) {
        source(ssrc).onEventPacket(sequence);
    }

    /** Takes a decoded compound packet from the caller. */
    public void onRtcp(List<RtcpPacket> compound, long arrivalNanos) {
        reportsReceived++;
        for (RtcpPacket packet : compound) {
            switch (packet) {
                case SenderReport sr -> {
                    if (remote == null || remote.ssrc() == sr.ssrc()) {
                        source(sr.ssrc()).onSenderReport(sr.ntpTimestamp(), arrivalNanos);
                    }
                    readBlocks(sr.reports(), arrivalNanos);
                }
                case ReceiverReport rr -> readBlocks(rr.reports(), arrivalNanos);
                case Goodbye bye -> {
                    if (remote != null && bye.ssrcs().contains(remote.ssrc())) {
                        remote = null;
                    }
                }
                case SourceDescription ignored -> { }
                case UnknownPacket ignored -> { }
            }
        }
    }

    public boolean isReportDue(long nowNanos) {
        return scheduler.isDue(nowNanos);
    }

    /** When the next report is due, for a timer that does not poll {@link #isReportDue}. */
    public long nextReportNanos() {
        return scheduler.nextReportNanos();
    }

    /** Builds the compound report for {@code nowNanos} and schedules the next one. */
    public byte[] report(long nowNanos) {
        byte[] report = RtcpEncoder.encode(List.of(firstPacket(nowNanos), description));
        scheduler.reportSent(nowNanos);
        reportsSent++;
        return report;
    }

    /**
     * The compound packet that tells the caller we leave (§6.6): a last report, our CNAME, and a BYE. Empty when
     * we have sent neither RTP nor RTCP, because then §6.3.7 forbids a BYE.
     */
    public Optional<byte[]> goodbye(String reason, long nowNanos) {
        if (reportsSent == 0 && !sent.hasSent()) {
            return Optional.empty();
        }
        List<RtcpPacket> packets = new ArrayList<>(3);
        packets.add(firstPacket(nowNanos));
        packets.add(description);
        packets.add(new Goodbye(List.of(localSsrc), reason));
        reportsSent++;
        return Optional.of(RtcpEncoder.encode(packets));
    }

    public RtcpStats stats() {
        return new RtcpStats(reportsSent, reportsReceived, roundTripNanos, sentReport, receivedReport);
    }

    /** SR if we sent lately, else RR, with a block on the caller's stream if it was heard since the last report. */
    private RtcpPacket firstPacket(long nowNanos) {
        List<ReportBlock> blocks = List.of();
        if (remote != null && remote.receivedSinceLastReport()) {
            sentReport = remote.report(nowNanos);
            blocks = List.of(sentReport);
        }
        if (!scheduler.isSender(sent)) {
            return new ReceiverReport(localSsrc, blocks);
        }
        SenderReport report = sent.report(localSsrc, ntp, nowNanos, blocks);
        roundTrip.onSenderReportSent(report, nowNanos);
        return report;
    }

    /** Keeps the caller's view of our stream and the round-trip time it measures. */
    private void readBlocks(List<ReportBlock> blocks, long arrivalNanos) {
        for (ReportBlock block : blocks) {
            if (block.ssrc() == localSsrc) {
                receivedReport = block;
                long measured = roundTrip.measure(block, arrivalNanos);
                if (measured >= 0) {
                    roundTripNanos = measured;
                }
            }
        }
    }

    private ReceptionStatistics source(long ssrc) {
        if (remote == null || remote.ssrc() != ssrc) {
            remote = new ReceptionStatistics(ssrc, clockRate);
        }
        return remote;
    }
}
