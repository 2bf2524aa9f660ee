package dev.switchboard.media.rtcp;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1): how the stream of {@code ssrc} is arriving.
 *
 * <pre>
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_1 (SSRC of first source)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |       cumulative number of packets lost       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           extended highest sequence number received           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      interarrival jitter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last SR (LSR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last SR (DLSR)                  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param ssrc                    the source reported on
 * @param fractionLost            packets lost since the previous report, as a fixed-point fraction of 256
 * @param cumulativeLost          expected minus received since the stream began: 24-bit signed, negative when
 *                                duplicates outnumber losses (Appendix A.3)
 * @param extendedHighestSequence the highest sequence number received, with the count of wrap-arounds above it
 * @param jitter                  interarrival jitter in RTP timestamp units (Appendix A.8)
 * @param lastSenderReport        LSR: the middle 32 bits of the NTP timestamp of the last SR from {@code ssrc},
 *                                0 when none has arrived
 * @param delaySinceLastSenderReport DLSR: time from that SR's arrival to this report, in 1/65536 s; 0 with no SR
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
        long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

    /** Bytes one block takes on the wire. */
    public static final int BYTES = 24;
    /** Cumulative loss is clamped to a signed 24-bit field (§6.4.1). */
    public static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;
    public static final int MIN_CUMULATIVE_LOST = -0x80_0000;

    public ReportBlock {
        if (!Fields.isUnsigned32(ssrc) || !Fields.isUnsigned32(extendedHighestSequence)
                || !Fields.isUnsigned32(jitter) || !Fields.isUnsigned32(lastSenderReport)
                || !Fields.isUnsigned32(delaySinceLastSenderReport)) {
            throw new IllegalArgumentException("report block on " + ssrc + ": a field is out of unsigned 32-bit range"
                    + " (extended sequence " + extendedHighestSequence + ", jitter " + jitter + ", LSR "
                    + lastSenderReport + ", DLSR " + delaySinceLastSenderReport + ")");
        }
        if (fractionLost < 0 || fractionLost > 0xFF) {
            throw new IllegalArgumentException("fraction lost " + fractionLost + " is not 0-255");
        }
        if (cumulativeLost < MIN_CUMULATIVE_LOST || cumulativeLost > MAX_CUMULATIVE_LOST) {
            throw new IllegalArgumentException("cumulative lost " + cumulativeLost + " does not fit 24 bits signed");
        }
    }

    /**
     * The round-trip time this block measures, received when our NTP clock's short format read
     * {@code arrivalNtpShort} (§6.4.1, figure 2): A − LSR − DLSR, in nanoseconds. Returns −1 when the block
     * cannot tell: its sender has had no SR from us yet (LSR 0), or the result is negative, which only a peer
     * that reports a wrong DLSR can produce. Resolution is 1/65536 s.
     */
    public long roundTripNanos(long arrivalNtpShort) {
        if (lastSenderReport == 0) {
            return -1;
        }
        int roundTrip = (int) (arrivalNtpShort - lastSenderReport - delaySinceLastSenderReport);
        return roundTrip < 0 ? -1 : NtpClock.shortToNanos(roundTrip);
    }
}
