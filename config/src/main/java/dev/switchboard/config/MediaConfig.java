package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code media:} section: RTP addressing, codecs and how the media of a call is handled.
 *
 * @param address           address written in SDP {@code c=} lines (RFC 4566 §5.7); null means
 *                          auto-detect at runtime
 * @param bind              local address RTP sockets bind to; default {@code 0.0.0.0}
 * @param rtpPorts          inclusive RTP port range; default 20000-20999
 * @param codecs            allowed codecs, a non-empty subset of {@link #CODECS} without repeats, in our
 *                          order of preference; default {@link #DEFAULT_CODECS}
 * @param codecPreference   whose order picks the codec among those both sides have; default
 *                          {@link CodecPreference#OFFER}
 * @param jitterBuffer      playout delay bounds for the caller's audio; default
 *                          {@link JitterBufferConfig#defaults()}
 * @param inactivityTimeout a call whose inbound RTP and RTCP have both stopped for this long is ended
 *                          with BYE, except while the peer holds it (its SDP says {@code sendonly} or
 *                          {@code inactive}, RFC 3264 §8.4); {@link Duration#ZERO} when the check is
 *                          off, otherwise at least {@link #MIN_INACTIVITY_TIMEOUT}; default
 *                          {@link #DEFAULT_INACTIVITY_TIMEOUT}
 * @param rtcpInterval      the nominal interval between our RTCP reports (randomized per report as
 *                          RFC 3550 §6.3.1 requires); default {@link #DEFAULT_RTCP_INTERVAL}, the minimum
 *                          of RFC 3550 §6.2, which is what a two-party call's computed interval comes to
 * @param opus              Opus encoder settings; default {@link OpusConfig#defaults()}
 */
public record MediaConfig(String address, String bind, PortRange rtpPorts, List<String> codecs,
                          CodecPreference codecPreference, JitterBufferConfig jitterBuffer,
                          Duration inactivityTimeout, Duration rtcpInterval, OpusConfig opus) {

    /**
     * Codec names accepted in {@code codecs}: G.711 μ-law and A-law (RFC 3551 §4.5.14), G.722 (RFC 3551
     * §4.5.2) and Opus (RFC 7587).
     */
    public static final List<String> CODECS = List.of("pcmu", "pcma", "g722", "opus");
    /**
     * Used when {@code codecs} is absent: G.711 first, which every carrier expects, then the wideband
     * codecs. With {@link CodecPreference#OFFER} an offer that lists a wideband codec first still gets it.
     */
    public static final List<String> DEFAULT_CODECS = List.of("pcmu", "pcma", "g722", "opus");
    public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofSeconds(30);
    /** The shortest inactivity timeout other than {@link Duration#ZERO} (off). */
    public static final Duration MIN_INACTIVITY_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RTCP_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MIN_RTCP_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_RTCP_INTERVAL = Duration.ofSeconds(60);

    public MediaConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(rtpPorts, "rtpPorts");
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(codecPreference, "codecPreference");
        Objects.requireNonNull(jitterBuffer, "jitterBuffer");
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
        Objects.requireNonNull(rtcpInterval, "rtcpInterval");
        Objects.requireNonNull(opus, "opus");
    }

    /** The configuration used when the {@code media:} section is absent. */
    public static MediaConfig defaults() {
        return new MediaConfig(null, "0.0.0.0", new PortRange(20000, 20999), DEFAULT_CODECS, CodecPreference.OFFER,
                JitterBufferConfig.defaults(), DEFAULT_INACTIVITY_TIMEOUT, DEFAULT_RTCP_INTERVAL,
                OpusConfig.defaults());
    }

    /** Whether calls are ended after {@link #inactivityTimeout()} without inbound RTP and RTCP. */
    public boolean inactivityCheckEnabled() {
        return !inactivityTimeout.isZero();
    }
}
