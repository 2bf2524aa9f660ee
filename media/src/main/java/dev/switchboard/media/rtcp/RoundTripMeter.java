package dev.switchboard.media.rtcp;

/**
 * Round-trip time from the report blocks a peer sends about our stream (RFC 3550 §6.4.1, figure 2): the peer
 * echoes our last SR's timestamp (LSR) and how long it held it (DLSR), so RTT = A − LSR − DLSR, A being the
 * arrival time of the report.
 *
 * <p>In NTP short format, as §6.4.1 writes it, that takes three values each cut to 1/65536 s, and the result can
 * be off by up to two such units. This meter remembers the exact send time of our last few SRs, so when the LSR
 * is one of them only the peer's DLSR is quantised and the error stays under one unit (15 µs). An LSR it does
 * not remember (an older SR, or a peer that mangles LSR) falls back to the short-format formula.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class RoundTripMeter {

    /** Four SRs cover 10–30 s of reports: a peer that echoes anything older has lost several SRs in a row. */
    private static final int REMEMBERED = 4;

    private final NtpClock ntp;
    private final long[] sentShort = new long[REMEMBERED];
    private final long[] sentNanos = new long[REMEMBERED];
    private int sent;

    public RoundTripMeter(NtpClock ntp) {
        this.ntp = ntp;
    }

    /** Remembers an SR we send, at {@code sendNanos}. */
    public void onSenderReportSent(SenderReport report, long sendNanos) {
        int slot = sent++ % REMEMBERED;
        sentShort[slot] = NtpClock.middle32(report.ntpTimestamp());
        sentNanos[slot] = sendNanos;
    }

    /**
     * The round-trip time a block about our stream measures, having arrived at {@code arrivalNanos}, or −1 when
     * it cannot tell (no SR of ours reached the peer yet, or a negative result).
     */
    public long measure(ReportBlock block, long arrivalNanos) {
        if (block.lastSenderReport() == 0) {
            return -1;
        }
        for (int i = 0; i < Math.min(sent, REMEMBERED); i++) {
            if (sentShort[i] == block.lastSenderReport()) {
                long roundTrip = arrivalNanos - sentNanos[i]
                        - NtpClock.shortToNanos(block.delaySinceLastSenderReport());
                return roundTrip < 0 ? -1 : roundTrip;
            }
        }
        return block.roundTripNanos(ntp.ntpShort(arrivalNanos));
    }
}
