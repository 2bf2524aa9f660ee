package dev.switchboard.media.jitter;

import java.util.Objects;

/**
 * How one inbound RTP stream is buffered.
 *
 * @param clockRate               RTP clock of the payload format, ticks per second: 8000 for G.711 and G.722
 *                                (RFC 3551 §4.5.2), 48000 for Opus (RFC 7587 §4.1)
 * @param minDelayMillis          the least delay the buffer aims for, however calm the network
 * @param maxDelayMillis          the most delay the buffer aims for, however bad the network: packets later than
 *                                this are lost to the call
 * @param initialDelayMillis      how long the first packet waits, before anything has been measured
 * @param capacity                packets held at most (a power of two); packets beyond are dropped and counted
 * @param comfortNoisePayloadType the RFC 3389 CN payload type negotiated for the stream, or -1 for none
 * @param durations               how long each audio payload plays
 */
public record JitterBufferConfig(int clockRate, int minDelayMillis, int maxDelayMillis, int initialDelayMillis,
        int capacity, int comfortNoisePayloadType, PacketDuration durations) {

    /** RFC 3551 Table 4: static payload type 13 is CN at 8000 Hz. */
    public static final int STATIC_COMFORT_NOISE = 13;

    public JitterBufferConfig {
        Objects.requireNonNull(durations, "durations");
        if (clockRate < 1000 || clockRate > 192_000) {
            throw new IllegalArgumentException("RTP clock rate " + clockRate + " Hz is outside 1000..192000");
        }
        if (minDelayMillis < 0 || maxDelayMillis < minDelayMillis || maxDelayMillis > 10_000) {
            throw new IllegalArgumentException("delay bounds " + minDelayMillis + ".." + maxDelayMillis
                    + " ms must satisfy 0 <= min <= max <= 10000");
        }
        if (initialDelayMillis < minDelayMillis || initialDelayMillis > maxDelayMillis) {
            throw new IllegalArgumentException("initial delay " + initialDelayMillis + " ms is outside the bounds "
                    + minDelayMillis + ".." + maxDelayMillis + " ms");
        }
        if (capacity < 8 || capacity > 4096 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be a power of two in 8..4096");
        }
        if (comfortNoisePayloadType < -1 || comfortNoisePayloadType > 127) {
            throw new IllegalArgumentException("CN payload type " + comfortNoisePayloadType + " is not -1 or 0..127");
        }
    }

    /**
     * The defaults: aims for 20 to 200 ms, starts at 60 ms, holds 64 packets (1.3 s of 20 ms packets, 640 ms of
     * 10 ms ones), and takes static CN (payload type 13) on an 8000 Hz clock.
     */
    public static JitterBufferConfig forClockRate(int clockRate, PacketDuration durations) {
        return new JitterBufferConfig(clockRate, 20, 200, 60, 64,
                clockRate == 8000 ? STATIC_COMFORT_NOISE : -1, durations);
    }
}
