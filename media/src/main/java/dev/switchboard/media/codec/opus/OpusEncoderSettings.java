package dev.switchboard.media.codec.opus;

import java.util.Set;

/**
 * How one call's {@link OpusEncoder} codes the agent's voice. The application is always VOIP (libjitsi's binding
 * fixes it), and the encoder is always mono.
 *
 * @param sampleRate        rate of the PCM handed to the encoder: 8000, 12000, 16000, 24000 or 48000. Use the
 *                          agent's output rate (24 kHz for OpenAI and Gemini) so no resampler sits in the path;
 *                          libopus codes up to super-wideband from 24 kHz input, all a 24 kHz voice holds
 * @param frameMillis       10, 20, 40 or 60 ms per packet; 20 matches the call's pacing tick
 * @param bitrate           target bits per second, 6000–510000 (RFC 7587 §6.1)
 * @param complexity        0–10: encoder effort per frame
 * @param inbandFec         whether to carry each frame's low-bitrate copy in the next packet (RFC 6716 §2.1.7);
 *                          libopus only does so while {@code packetLossPercent} is above zero
 * @param packetLossPercent expected loss, 0–100: more makes the encoder lean less on the previous frame and spend
 *                          more on the FEC copy
 * @param dtx               discontinuous transmission: during silence most frames need not be sent
 * @param cbr               constant bitrate instead of (constrained) variable bitrate
 * @param maxPlaybackRate   the receiver's maxplaybackrate (RFC 7587 §6.1), 8000–48000: no audio above half of it
 *                          is coded
 */
public record OpusEncoderSettings(
        int sampleRate, int frameMillis, int bitrate, int complexity, boolean inbandFec, int packetLossPercent,
        boolean dtx, boolean cbr, int maxPlaybackRate) {

    /** The input rates libopus accepts (RFC 6716 §2). */
    public static final Set<Integer> SAMPLE_RATES = Set.of(8_000, 12_000, 16_000, 24_000, 48_000);
    /**
     * 24 kbit/s: above what RFC 7587 §3.1.1 gives for wideband speech (16–20 kbit/s), so a super-wideband voice
     * still sounds clean with room left for the FEC copy; 2 to 3 times less than G.711's 64 kbit/s.
     */
    public static final int DEFAULT_BITRATE = 24_000;
    /**
     * Complexity 5: about 150 µs of CPU per 20 ms frame at 24 kHz, against 200 µs at 10 and 50 µs at 0, with no
     * measurable loss of waveform fidelity on speech against 10.
     */
    public static final int DEFAULT_COMPLEXITY = 5;
    /**
     * 10 %: at 24 kbit/s libopus only spends bits on FEC from about 6 % expected loss (below that it keeps them for
     * the main frame), so this switches FEC on with margin; it then codes wideband SILK with an FEC copy.
     */
    public static final int DEFAULT_PACKET_LOSS_PERCENT = 10;

    private static final Set<Integer> FRAME_MILLIS = Set.of(10, 20, 40, 60);

    public OpusEncoderSettings {
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("Opus encodes 8000, 12000, 16000, 24000 or 48000 Hz, not " + sampleRate);
        }
        if (!FRAME_MILLIS.contains(frameMillis)) {
            throw new IllegalArgumentException("frames must be 10, 20, 40 or 60 ms, not " + frameMillis);
        }
        checkRange("bitrate", bitrate, 6_000, 510_000);
        checkRange("complexity", complexity, 0, 10);
        checkRange("packet loss percent", packetLossPercent, 0, 100);
        checkRange("maxplaybackrate", maxPlaybackRate, 8_000, 48_000);
    }

    /** Voice defaults at {@code sampleRate}: 20 ms, 24 kbit/s, complexity 5, FEC for 10 % loss, no DTX, VBR. */
    public static OpusEncoderSettings voice(int sampleRate) {
        return new OpusEncoderSettings(sampleRate, 20, DEFAULT_BITRATE, DEFAULT_COMPLEXITY, true,
                DEFAULT_PACKET_LOSS_PERCENT, false, false, 48_000);
    }

    /** Samples per channel in one frame. */
    public int frameSamples() {
        return sampleRate / 1000 * frameMillis;
    }

    /** A copy at another complexity. */
    public OpusEncoderSettings withComplexity(int newComplexity) {
        return new OpusEncoderSettings(sampleRate, frameMillis, bitrate, newComplexity, inbandFec, packetLossPercent,
                dtx, cbr, maxPlaybackRate);
    }

    /** A copy at another bitrate. */
    public OpusEncoderSettings withBitrate(int newBitrate) {
        return new OpusEncoderSettings(sampleRate, frameMillis, newBitrate, complexity, inbandFec, packetLossPercent,
                dtx, cbr, maxPlaybackRate);
    }

    static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", not " + value);
        }
    }
}
