package dev.switchboard.media.codec.opus;

/**
 * RTP facts of the Opus payload format that hold whatever the codec's real rate (RFC 7587 §4.1, §7).
 */
public final class OpusRtp {

    /** The SDP encoding name, case-insensitive on the wire. */
    public static final String ENCODING_NAME = "opus";
    /** The RTP clock always runs at 48 kHz, even when both ends code narrowband. */
    public static final int CLOCK_RATE = 48_000;
    /**
     * {@code a=rtpmap} always says 2 channels, even for mono streams (RFC 7587 §7): stereo is negotiated with the
     * stereo fmtp parameters instead.
     */
    public static final String RTPMAP = "opus/48000/2";

    private OpusRtp() {}

    /** RTP timestamp units that {@code samples} at {@code sampleRate} span: 20 ms is 960 at any rate. */
    public static int timestampUnits(int samples, int sampleRate) {
        return (int) ((long) samples * CLOCK_RATE / sampleRate);
    }

    /** Samples at {@code sampleRate} that {@code units} RTP timestamp units span, e.g. a gap to conceal. */
    public static int samples(long units, int sampleRate) {
        return (int) (units * sampleRate / CLOCK_RATE);
    }
}
