package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code media:} section: RTP addressing and codecs.
 *
 * @param address  address written in SDP {@code c=} lines (RFC 4566 §5.7); null means auto-detect
 *                 at runtime
 * @param bind     local address RTP sockets bind to; default {@code 0.0.0.0}
 * @param rtpPorts inclusive RTP port range; default 20000-20999
 * @param codecs   allowed codecs in preference order, a subset of {@link #CODECS}; default
 *                 {@code [pcmu, pcma]} (G.711, RFC 3551 §4.5.14)
 */
public record MediaConfig(String address, String bind, PortRange rtpPorts, List<String> codecs) {

    /** Codec names accepted in {@code media.codecs}. */
    public static final List<String> CODECS = List.of("pcmu", "pcma");

    public MediaConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(rtpPorts, "rtpPorts");
        codecs = List.copyOf(codecs);
    }

    /** The configuration used when the {@code media:} section is absent. */
    public static MediaConfig defaults() {
        return new MediaConfig(null, "0.0.0.0", new PortRange(20000, 20999), CODECS);
    }
}
