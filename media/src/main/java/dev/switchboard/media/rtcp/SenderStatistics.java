package dev.switchboard.media.rtcp;

import java.util.List;

/**
 * What our SR says about the stream we send (RFC 3550 §6.4.1): packets and payload octets sent, and the RTP
 * timestamp that corresponds to the SR's wall-clock time.
 *
 * <p>That RTP timestamp is extrapolated from the last packet sent, at the stream's clock rate: the pacer sends a
 * frame per tick in real time, so the last packet's timestamp plus the time since it went out is where the RTP
 * clock stands now, also across silent gaps in which no packet is sent.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class SenderStatistics {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private long packets;
    private long octets;
    private long lastTimestamp;
    private long lastSentNanos;

    /** @param clockRate the stream's RTP clock rate in Hz */
    public SenderStatistics(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz");
        }
        this.clockRate = clockRate;
    }

    /**
     * Counts one RTP packet sent.
     *
     * @param rtpTimestamp  the RTP clock at the tick the packet went out on: for audio its own timestamp, for an
     *                      RFC 4733 event the tick's time, not the event start the packet carries
     * @param payloadOctets payload bytes, without header or padding (§6.4.1)
     * @param sentNanos     when it was sent, monotonic nanoseconds
     */
    public void onPacketSent(long rtpTimestamp, int payloadOctets, long sentNanos) {
        packets++;
        octets += payloadOctets;
        lastTimestamp = rtpTimestamp;
        lastSentNanos = sentNanos;
    }

    public boolean hasSent() {
        return packets > 0;
    }

    /** Whether any packet was sent at or after {@code sinceNanos}. */
    public boolean sentSince(long sinceNanos) {
        return packets > 0 && lastSentNanos - sinceNanos >= 0;
    }

    /** The SR for {@code nowNanos}, with the given reception report blocks. */
    public SenderReport report(long ssrc, NtpClock ntp, long nowNanos, List<ReportBlock> blocks) {
        long elapsed = nowNanos - lastSentNanos;
        long advance = elapsed / NANOS_PER_SECOND * clockRate + elapsed % NANOS_PER_SECOND * clockRate
                / NANOS_PER_SECOND;
        return new SenderReport(ssrc, ntp.ntp(nowNanos), (lastTimestamp + advance) & 0xFFFF_FFFFL,
                packets & 0xFFFF_FFFFL, octets & 0xFFFF_FFFFL, blocks);
    }
}
