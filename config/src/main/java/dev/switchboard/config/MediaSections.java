package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Binds the {@code media:} section, applying defaults: addressing, codecs, {@code jitter_buffer:},
 * the inactivity and RTCP timers and {@code opus:}.
 */
final class MediaSections {

    static final List<String> MEDIA_KEYS = List.of("address", "bind", "rtp_ports", "codecs", "codec_preference",
            "jitter_buffer", "inactivity_timeout", "rtcp_interval", "opus");
    static final List<String> JITTER_BUFFER_KEYS = List.of("min", "max");
    static final List<String> OPUS_KEYS = List.of("bitrate", "complexity", "fec", "packet_loss", "dtx");

    private static final String INACTIVITY_EXPECTED = "0s (off) or a duration of at least "
            + Durations.format(MediaConfig.MIN_INACTIVITY_TIMEOUT);
    /** What people write for "off" that is not a duration; they are told to write 0s instead. */
    private static final List<String> OFF_WORDS = List.of("off", "false", "no", "none", "never", "disabled");

    private MediaSections() {
    }

    static MediaConfig media(MapView media) {
        MediaConfig defaults = MediaConfig.defaults();
        return new MediaConfig(
                media.host("address", defaults.address()),
                media.host("bind", defaults.bind()),
                media.portRange("rtp_ports", defaults.rtpPorts()),
                media.choices("codecs", "codec", MediaConfig.CODECS, defaults.codecs()),
                codecPreference(media, defaults.codecPreference()),
                jitterBuffer(media.section("jitter_buffer", JITTER_BUFFER_KEYS)),
                media.parse(media.scalar("inactivity_timeout"), defaults.inactivityTimeout(), INACTIVITY_EXPECTED,
                        MediaSections::inactivityTimeout),
                media.duration("rtcp_interval", defaults.rtcpInterval(), MediaConfig.MIN_RTCP_INTERVAL,
                        MediaConfig.MAX_RTCP_INTERVAL),
                opus(media.section("opus", OPUS_KEYS)));
    }

    /** {@code codec_preference} of a {@code media:} or trunk section; {@code fallback} when absent or invalid. */
    static CodecPreference codecPreference(MapView view, CodecPreference fallback) {
        String name = view.choice("codec_preference", "codec preference", CodecPreference.names(), null);
        return name == null ? fallback : CodecPreference.named(name);
    }

    /**
     * {@code min} and {@code max} each within their range, and {@code min} not above {@code max}
     * (which may be max's default). A bad {@code max} is reported on its own, not again as below min.
     */
    private static JitterBufferConfig jitterBuffer(MapView j) {
        Duration min = j.duration("min", JitterBufferConfig.DEFAULT_MIN, Duration.ZERO, JitterBufferConfig.LIMIT);
        Duration max = j.duration("max", null, JitterBufferConfig.SMALLEST_MAX, JitterBufferConfig.LIMIT);
        boolean maxInvalid = max == null && written(j, "max");
        Duration effectiveMax = max == null ? JitterBufferConfig.DEFAULT_MAX : max;
        if (min.compareTo(effectiveMax) <= 0) {
            return new JitterBufferConfig(min, effectiveMax);
        }
        if (!maxInvalid) {
            j.problems().report(j.node("min"), "min " + Durations.format(min) + " is greater than max "
                    + Durations.format(effectiveMax) + (max == null ? " (the default; set max too)" : ""));
        }
        return JitterBufferConfig.defaults();
    }

    /** Zero turns the check off; a shorter timeout than the minimum would end calls over a brief network stall. */
    private static Duration inactivityTimeout(String text) {
        if (OFF_WORDS.contains(text.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("write 0s to turn the inactivity check off, found '" + text + "'");
        }
        Duration timeout = Durations.parse(text);
        if (!timeout.isZero() && timeout.compareTo(MediaConfig.MIN_INACTIVITY_TIMEOUT) < 0) {
            throw new IllegalArgumentException("must be " + INACTIVITY_EXPECTED + ", found '" + text + "'");
        }
        return timeout;
    }

    /**
     * libopus adds no in-band FEC when it expects no loss, so {@code fec: true} with {@code packet_loss: 0}
     * does nothing; that is a warning, on {@code fec} when it is written out.
     */
    private static OpusConfig opus(MapView o) {
        OpusConfig defaults = OpusConfig.defaults();
        int bitrate = o.integer("bitrate", defaults.bitrate(), OpusConfig.MIN_BITRATE, OpusConfig.MAX_BITRATE);
        int complexity = o.integer("complexity", defaults.complexity(), 0, OpusConfig.MAX_COMPLEXITY);
        boolean fec = Booleans.flag(o, "fec", defaults.fec());
        int packetLoss = o.integer("packet_loss", defaults.packetLoss(), 0, 100);
        boolean dtx = Booleans.flag(o, "dtx", defaults.dtx());
        if (fec && packetLoss == 0 && written(o, "fec")) {
            o.problems().warn(o.node("fec"), "has no effect with packet_loss 0: the Opus encoder adds in-band FEC "
                    + "only when it expects packet loss");
        }
        return new OpusConfig(bitrate, complexity, fec, packetLoss, dtx);
    }

    /** Whether {@code key} has a value; empty counts as unset, as everywhere. */
    private static boolean written(MapView view, String key) {
        YamlNode node = view.node(key);
        return node != null && !(node instanceof YamlNode.Scalar scalar && scalar.text().isEmpty());
    }
}
