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

    /** Frame durations by TOC configuration (RFC 6716 §3.1, Table 2), in 48 kHz ticks. */
    private static final int[] FRAME_TICKS = {
        480, 960, 1920, 2880, 480, 960, 1920, 2880, 480, 960, 1920, 2880, // SILK NB, MB, WB: 10, 20, 40, 60 ms
        480, 960, 480, 960,                                               // Hybrid SWB, FB: 10, 20 ms
        120, 240, 480, 960, 120, 240, 480, 960,                           // CELT NB, WB: 2.5, 5, 10, 20 ms
        120, 240, 480, 960, 120, 240, 480, 960};                          // CELT SWB, FB

    /**
     * How long a packet plays, in RTP timestamp units, read from its TOC byte and frame count code (RFC 6716 §3.1,
     * §3.2) without decoding it; 0 when the payload is too short to tell or claims more than 120 ms.
     */
    public static int durationTicks(byte[] payload) {
        if (payload.length == 0) {
            return 0;
        }
        int toc = payload[0] & 0xFF;
        int frames = switch (toc & 0x3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> payload.length < 2 ? 0 : payload[1] & 0x3F;
        };
        int ticks = FRAME_TICKS[toc >> 3] * frames;
        return ticks > 120 * 48 ? 0 : ticks;
    }
}
