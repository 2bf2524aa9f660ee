package dev.switchboard.media.jitter;

import java.util.Comparator;
import java.util.List;

/**
 * A named packet trace of one inbound stream, in the order the packets were sent (lost ones included, marked).
 *
 * @param clockRate   the RTP clock of its timestamps
 * @param frameMillis the sender's packet duration
 */
record PacketTrace(String name, int clockRate, int frameMillis, List<TracePacket> packets) {

    /** What reached the receiver, in arrival order (ties in the order sent). */
    List<TracePacket> arrivals() {
        return packets.stream()
                .filter(packet -> !packet.lost())
                .sorted(Comparator.comparingLong(TracePacket::arrivalNanos))
                .toList();
    }

    /** The packets as sent: originals only, no duplicates. */
    List<TracePacket> originals() {
        return packets.stream().filter(packet -> !packet.copy()).toList();
    }

    long lastArrivalNanos() {
        return packets.stream().mapToLong(TracePacket::arrivalNanos).max().orElse(0);
    }

    int frameTicks() {
        return clockRate * frameMillis / 1000;
    }

    @Override
    public String toString() {
        return name;
    }
}
