package dev.switchboard.media.codec.opus;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * The format parameters of an Opus payload type (RFC 7587 §6.1), as in
 * {@code a=fmtp:111 maxplaybackrate=16000;useinbandfec=1}. Parameters without {@code sprop-} describe the side that
 * receives (what it can play, what it prefers to get); {@code sprop-} ones describe the side that sends.
 *
 * @param maxPlaybackRate     highest rate the receiver plays, 8000–48000 Hz; default 48000
 * @param spropMaxCaptureRate highest rate the sender captures, 8000–48000 Hz; default 48000
 * @param maxAverageBitrate   most bits per second the receiver wants on average, 6000–510000; empty when not said
 * @param stereo              whether the receiver prefers stereo; default no
 * @param spropStereo         whether the sender is likely to send stereo; default no
 * @param cbr                 whether the receiver prefers constant bitrate; default no
 * @param useInbandFec        whether the receiver can use in-band FEC; default no
 * @param useDtx              whether the receiver prefers DTX; default no
 */
public record OpusFmtp(
        int maxPlaybackRate, int spropMaxCaptureRate, OptionalInt maxAverageBitrate, boolean stereo,
        boolean spropStereo, boolean cbr, boolean useInbandFec, boolean useDtx) {

    /** What a payload type with no fmtp line, or an empty one, means (RFC 7587 §6.1). */
    public static final OpusFmtp DEFAULTS =
            new OpusFmtp(48_000, 48_000, OptionalInt.empty(), false, false, false, false, false);

    private static final int MIN_RATE = 8_000;
    private static final int MAX_RATE = 48_000;
    private static final int MIN_BITRATE = 6_000;
    private static final int MAX_BITRATE = 510_000;

    public OpusFmtp {
        OpusEncoderSettings.checkRange("maxplaybackrate", maxPlaybackRate, MIN_RATE, MAX_RATE);
        OpusEncoderSettings.checkRange("sprop-maxcapturerate", spropMaxCaptureRate, MIN_RATE, MAX_RATE);
        if (maxAverageBitrate.isPresent()) {
            OpusEncoderSettings.checkRange("maxaveragebitrate", maxAverageBitrate.getAsInt(), MIN_BITRATE, MAX_BITRATE);
        }
    }

    /**
     * Reads the parameters of an {@code a=fmtp} line, the text after the payload type. Lenient, as a peer's SDP
     * is not ours to reject: names are case-insensitive (RFC 6838 §4.3), spaces around names, values and
     * separators are ignored, unknown parameters are skipped, and a missing, malformed or out-of-range value keeps
     * the default (RFC 7587 §6.1 says to ignore an out-of-range maxaveragebitrate). Where a parameter repeats, the
     * last one counts.
     *
     * @param parameters the parameter list, or null or blank for none
     */
    public static OpusFmtp parse(String parameters) {
        Builder builder = new Builder();
        if (parameters != null) {
            for (String pair : parameters.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    builder.set(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                            pair.substring(equals + 1).strip());
                }
            }
        }
        return builder.build();
    }

    /**
     * The parameter list for an {@code a=fmtp} line: every parameter spelled out, defaults included, except
     * {@code maxaveragebitrate} when not set and {@code cbr} when off (its default, and rarely written).
     */
    public String format() {
        StringJoiner line = new StringJoiner(";");
        line.add("maxplaybackrate=" + maxPlaybackRate);
        line.add("sprop-maxcapturerate=" + spropMaxCaptureRate);
        maxAverageBitrate.ifPresent(bitrate -> line.add("maxaveragebitrate=" + bitrate));
        line.add("stereo=" + flag(stereo));
        line.add("sprop-stereo=" + flag(spropStereo));
        if (cbr) {
            line.add("cbr=1");
        }
        line.add("useinbandfec=" + flag(useInbandFec));
        line.add("usedtx=" + flag(useDtx));
        return line.toString();
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    /** Collects parameters over {@link #DEFAULTS}. */
    private static final class Builder {
        private int maxPlaybackRate = DEFAULTS.maxPlaybackRate;
        private int spropMaxCaptureRate = DEFAULTS.spropMaxCaptureRate;
        private OptionalInt maxAverageBitrate = DEFAULTS.maxAverageBitrate;
        private boolean stereo;
        private boolean spropStereo;
        private boolean cbr;
        private boolean useInbandFec;
        private boolean useDtx;

        void set(String name, String value) {
            switch (name) {
                case "maxplaybackrate" -> maxPlaybackRate = integer(value, MIN_RATE, MAX_RATE, maxPlaybackRate);
                case "sprop-maxcapturerate" ->
                        spropMaxCaptureRate = integer(value, MIN_RATE, MAX_RATE, spropMaxCaptureRate);
                case "maxaveragebitrate" -> {
                    int bitrate = integer(value, MIN_BITRATE, MAX_BITRATE, -1);
                    maxAverageBitrate = bitrate < 0 ? maxAverageBitrate : OptionalInt.of(bitrate);
                }
                case "stereo" -> stereo = flag(value, stereo);
                case "sprop-stereo" -> spropStereo = flag(value, spropStereo);
                case "cbr" -> cbr = flag(value, cbr);
                case "useinbandfec" -> useInbandFec = flag(value, useInbandFec);
                case "usedtx" -> useDtx = flag(value, useDtx);
                default -> { }
            }
        }

        OpusFmtp build() {
            return new OpusFmtp(maxPlaybackRate, spropMaxCaptureRate, maxAverageBitrate, stereo, spropStereo, cbr,
                    useInbandFec, useDtx);
        }

        /** A decimal integer of at most 9 digits within [min, max], else {@code otherwise}. */
        private static int integer(String value, int min, int max, int otherwise) {
            if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return otherwise;
            }
            int parsed = Integer.parseInt(value);
            return parsed >= min && parsed <= max ? parsed : otherwise;
        }

        /** RFC 7587 flags are "0" or "1"; anything else keeps {@code otherwise}. */
        private static boolean flag(String value, boolean otherwise) {
            return switch (value) {
                case "1" -> true;
                case "0" -> false;
                default -> otherwise;
            };
        }
    }
}
