package dev.switchboard.media.jitter;

/**
 * Counters and measurements of one inbound stream, for logs, metrics and RTCP receiver reports.
 *
 * @param received           packets offered, of every kind
 * @param played             packets played out (audio and CN)
 * @param lost               sequence numbers the playout passed without playing: never arrived, or arrived too
 *                           late (those are also counted in {@code late})
 * @param late               packets that arrived after the playout had passed them, including stragglers of a
 *                           stream that was replaced by a new SSRC
 * @param duplicate          packets that had already arrived
 * @param reordered          packets that arrived after a packet with a higher sequence number
 * @param overflow           packets dropped because the buffer held {@link JitterBufferConfig#capacity()} already
 * @param invalid            packets with an empty payload, and lone packets whose sequence number or timestamp
 *                           jumped absurdly without the next packet confirming a restart
 * @param dropped            packets dropped unplayed to shrink the delay
 * @param restarts           times the buffer re-anchored on a new SSRC or a restarted sequence
 * @param currentDelayMillis how long the fastest recent packet waits before it plays
 * @param targetDelayMillis  the delay the buffer aims for
 * @param jitterMillis       the RFC 3550 interarrival jitter, in milliseconds
 * @param interarrivalJitter the RFC 3550 interarrival jitter in timestamp units, as RTCP reports it (§6.4.1)
 * @param insertedMillis     time the buffer played that was not stream time ({@code WAITING}, {@code PADDING})
 * @param removedMillis      stream time the buffer did not play (silence cut short, frames dropped)
 */
public record JitterStats(long received, long played, long lost, long late, long duplicate, long reordered,
        long overflow, long invalid, long dropped, long restarts, double currentDelayMillis,
        double targetDelayMillis, double jitterMillis, long interarrivalJitter, double insertedMillis,
        double removedMillis) {}
