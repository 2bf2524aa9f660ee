package dev.switchboard.media.jitter;

/**
 * How long a payload plays, in ticks of the RTP clock: the codec knows, the buffer does not.
 */
@FunctionalInterface
public interface PacketDuration {

    /**
     * G.711 and G.722: one clock tick per payload byte. G.722 samples at 16 kHz but its RTP clock runs at 8000 Hz
     * (RFC 3551 §4.5.2), and its 64 kbit/s are 8 bytes a millisecond, like G.711's.
     */
    PacketDuration ONE_TICK_PER_BYTE = payload -> payload.length;

    /**
     * The payload's duration in RTP clock ticks (Opus: from its TOC byte, RFC 6716 §3.1), or 0 when it cannot be
     * told; the buffer then assumes the duration of the packet it played last.
     */
    int ticks(byte[] payload);
}
