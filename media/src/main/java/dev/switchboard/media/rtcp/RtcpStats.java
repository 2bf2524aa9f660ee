package dev.switchboard.media.rtcp;

/**
 * One call's RTCP at a glance, for logs and call-quality metrics.
 *
 * @param reportsSent     compound packets built by {@link RtcpSession#report}
 * @param reportsReceived compound packets handed to {@link RtcpSession#onRtcp}
 * @param roundTripNanos  the latest round-trip time measured (§6.4.1), or −1 before the first
 * @param sentReport      our latest report on the caller's stream: loss and jitter as we receive it; {@code null}
 *                        before the first
 * @param receivedReport  the caller's latest report on our stream: loss and jitter as it receives it;
 *                        {@code null} before the first
 */
public record RtcpStats(long reportsSent, long reportsReceived, long roundTripNanos, ReportBlock sentReport,
        ReportBlock receivedReport) {
}
