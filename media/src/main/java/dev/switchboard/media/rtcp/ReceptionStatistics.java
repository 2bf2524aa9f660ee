package dev.switchboard.media.rtcp;

/**
 * What one inbound RTP source's report block says (RFC 3550 §6.4.1): extended highest sequence number, packets
 * lost in total and since the last report, interarrival jitter, and when its last SR arrived.
 *
 * <p>Sequence numbers follow Appendix A.1: a forward step of less than {@link #MAX_DROPOUT} is in order (and
 * counts a wrap when the number goes down), a step back of at most {@link #MAX_MISORDER} is a late or duplicate
 * packet, and anything else is a jump that is believed only when the next packet continues from it, which
 * restarts the statistics (the sender restarted). Loss and its fraction per interval follow Appendix A.3. Late
 * packets and duplicates count as received, so cumulative loss can go negative when duplicates outnumber losses,
 * as A.3 says it should.
 *
 * <p>One simplification: A.1 holds a new source on probation until it has sent two packets in sequence, so that
 * stray packets do not create sources. Here the first packet starts the statistics. The packets that reach this
 * class have already passed the media session's checks (RTP version, negotiated payload type, the latched source
 * address), and a call has exactly one expected source, so probation would only delay the first report by a
 * packet and leave the first packet out of the counts.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class ReceptionStatistics {

    /** A.1's recommended limits for a sender at up to about 50 packets per second. */
    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    private static final int SEQUENCE_MODULUS = 1 << 16;

    private final long ssrc;
    private final InterarrivalJitter jitter;
    private boolean started;
    private int maxSequence;
    private long cycles;
    private int baseSequence;
    /** The sequence number that would confirm a jump, or an impossible value when none is pending. */
    private int badSequence = SEQUENCE_MODULUS + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private boolean receivedSinceReport;
    private boolean haveSenderReport;
    private long lastSenderReportShort;
    private long lastSenderReportArrivalNanos;

    /**
     * @param ssrc      the source whose stream this describes
     * @param clockRate its RTP clock rate, for jitter in timestamp units
     */
    public ReceptionStatistics(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.jitter = new InterarrivalJitter(clockRate);
    }

    public long ssrc() {
        return ssrc;
    }

    /** Takes one received media packet: its sequence number, RTP timestamp and arrival (monotonic nanoseconds). */
    public void onPacket(int sequence, long rtpTimestamp, long arrivalNanos) {
        if (updateSequence(sequence)) {
            jitter.onPacket(rtpTimestamp, arrivalNanos);
        }
    }

    /**
     * Takes an RFC 4733 telephone-event packet: it shares the stream's sequence numbers, so it counts for loss,
     * but its timestamp is its event's start, not its sending time, so it stays out of the jitter.
     */
    public void onEventPacket(int sequence) {
        updateSequence(sequence);
    }

    /** Remembers an SR from this source for the LSR and DLSR of the next reports. */
    public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        haveSenderReport = true;
        lastSenderReportShort = NtpClock.middle32(ntpTimestamp);
        lastSenderReportArrivalNanos = arrivalNanos;
    }

    /** Whether a packet has been counted since the last {@link #report}: §6.4 reports only on sources heard. */
    public boolean receivedSinceLastReport() {
        return receivedSinceReport;
    }

    /** Packets counted since the stream (re)started, duplicates included. */
    public long received() {
        return received;
    }

    /** The report block to send at {@code nowNanos}; starts a new interval for the fraction lost (A.3). */
    public ReportBlock report(long nowNanos) {
        long extendedMax = cycles + maxSequence;
        long expected = started ? extendedMax - baseSequence + 1 : 0;
        long lost = expected - received;
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        receivedSinceReport = false;
        int fraction = expectedInterval <= 0 || lostInterval <= 0
                ? 0
                : (int) Math.min(0xFF, (lostInterval << 8) / expectedInterval);
        int cumulative = Math.clamp(lost, ReportBlock.MIN_CUMULATIVE_LOST, ReportBlock.MAX_CUMULATIVE_LOST);
        long delay = haveSenderReport
                ? Math.min(0xFFFF_FFFFL, NtpClock.nanosToShort(nowNanos - lastSenderReportArrivalNanos))
                : 0;
        return new ReportBlock(ssrc, fraction, cumulative, extendedMax & 0xFFFF_FFFFL, jitter.jitter(),
                haveSenderReport ? lastSenderReportShort : 0, delay);
    }

    /** Appendix A.1's update_seq without probation: whether the packet counts. */
    private boolean updateSequence(int rtpSequence) {
        int sequence = rtpSequence & (SEQUENCE_MODULUS - 1);
        if (!started) {
            started = true;
            restart(sequence);
            return count();
        }
        int forward = (sequence - maxSequence) & (SEQUENCE_MODULUS - 1);
        if (forward < MAX_DROPOUT) {
            if (sequence < maxSequence) {
                cycles += SEQUENCE_MODULUS;
            }
            maxSequence = sequence;
        } else if (forward <= SEQUENCE_MODULUS - MAX_MISORDER) {
            if (sequence != badSequence) {
                badSequence = (sequence + 1) & (SEQUENCE_MODULUS - 1);
                return false;
            }
            restart(sequence);
        }
        return count();
    }

    private boolean count() {
        received++;
        receivedSinceReport = true;
        return true;
    }

    /** A.1's init_seq: the stream starts (again) at {@code sequence}. */
    private void restart(int sequence) {
        baseSequence = sequence;
        maxSequence = sequence;
        badSequence = SEQUENCE_MODULUS + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }
}
