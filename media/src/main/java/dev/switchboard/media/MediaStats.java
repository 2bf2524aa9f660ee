package dev.switchboard.media;

/**
 * Counters of one media stream, for logs and metrics.
 *
 * @param packetsReceived  valid RTP packets of the negotiated stream
 * @param packetsSent      RTP packets sent
 * @param malformed        datagrams that were not RTP, or had an unexpected payload type
 * @param foreign          RTP from an address other than the latched remote, dropped
 * @param silenceFilled    20 ms frames of silence given to the agent where the caller sent nothing
 */
public record MediaStats(long packetsReceived, long packetsSent, long malformed, long foreign, long silenceFilled) {}
