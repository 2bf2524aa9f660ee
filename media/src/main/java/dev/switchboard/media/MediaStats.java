package dev.switchboard.media;

import dev.switchboard.media.jitter.JitterStats;
import dev.switchboard.media.rtcp.RtcpStats;

/**
 * Counters of one media stream, for logs and metrics.
 *
 * @param packetsReceived  valid RTP packets of the negotiated stream: audio and RFC 4733 telephone-events
 * @param packetsSent      RTP packets sent: audio and telephone-events
 * @param malformed        datagrams that were not RTP, had an unexpected payload type, or a telephone-event
 *                         payload too short to hold a report
 * @param foreign          RTP from an address other than the latched remote, dropped
 * @param silenceFilled    20 ms frames of silence given to the agent where the caller sent no audio
 * @param dtmfReceived     key presses the caller sent as telephone-events
 * @param dtmfSent         DTMF digits sent to the caller, counted when their last packet went out
 * @param jitter           the jitter buffer's counts (lost, late, reordered, delay), or {@code null} before start
 * @param rtcp             RTCP reports both ways and the round-trip time, or {@code null} before start
 */
public record MediaStats(long packetsReceived, long packetsSent, long malformed, long foreign, long silenceFilled,
        long dtmfReceived, long dtmfSent, JitterStats jitter, RtcpStats rtcp) {

    /** Counters without jitter-buffer and RTCP figures. */
    public MediaStats(long packetsReceived, long packetsSent, long malformed, long foreign, long silenceFilled,
            long dtmfReceived, long dtmfSent) {
        this(packetsReceived, packetsSent, malformed, foreign, silenceFilled, dtmfReceived, dtmfSent, null, null);
    }
}
