package dev.switchboard.config;

/**
 * The {@code media.opus:} section: encoder settings for calls whose codec is Opus (RFC 6716, carried
 * in RTP as RFC 7587 describes). They shape what Switchboard sends; the peer's own encoder is its
 * business.
 *
 * @param bitrate    target bit rate in bit/s, {@value #MIN_BITRATE}..{@value #MAX_BITRATE} (the range
 *                   of RFC 6716 §2.1.1); default {@value #DEFAULT_BITRATE}
 * @param complexity encoder complexity (RFC 6716 §2.1.5), 0..{@value #MAX_COMPLEXITY}: higher is better
 *                   quality for more CPU; default {@value #DEFAULT_COMPLEXITY}
 * @param fec        whether the encoder adds in-band forward error correction (RFC 6716 §2.1.7), so a
 *                   lost packet can be rebuilt from the next; default true
 * @param packetLoss expected packet loss in percent, 0..100; libopus sizes its in-band FEC by it and
 *                   adds none at 0; default {@value #DEFAULT_PACKET_LOSS}
 * @param dtx        discontinuous transmission (RFC 6716 §2.1.9): send next to nothing during silence;
 *                   default false, since some peers take the gap for a dead call
 */
public record OpusConfig(int bitrate, int complexity, boolean fec, int packetLoss, boolean dtx) {

    public static final int MIN_BITRATE = 6_000;
    public static final int MAX_BITRATE = 510_000;
    public static final int DEFAULT_BITRATE = 32_000;
    public static final int MAX_COMPLEXITY = 10;
    public static final int DEFAULT_COMPLEXITY = 5;
    public static final int DEFAULT_PACKET_LOSS = 10;

    public OpusConfig {
        if (bitrate < MIN_BITRATE || bitrate > MAX_BITRATE || complexity < 0 || complexity > MAX_COMPLEXITY
                || packetLoss < 0 || packetLoss > 100) {
            throw new IllegalArgumentException("Opus setting out of range: bitrate " + bitrate + ", complexity "
                    + complexity + ", packet loss " + packetLoss);
        }
    }

    /** The configuration used when the {@code opus:} section is absent. */
    public static OpusConfig defaults() {
        return new OpusConfig(DEFAULT_BITRATE, DEFAULT_COMPLEXITY, true, DEFAULT_PACKET_LOSS, false);
    }
}
