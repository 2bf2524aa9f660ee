package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sip:} section: where the SIP server listens and how it protects itself.
 *
 * @param listen            host:port for both UDP and TCP; default {@code 0.0.0.0:5060}
 *                          (RFC 3261 §19.1.2 default port)
 * @param transports        enabled transports, a subset of {@link #TRANSPORTS}; default both
 * @param externalAddress   host written in Contact headers; defaults to {@code media.address} and so
 *                          may be null, meaning "use the auto-detected media address"
 * @param ackTimeout        how long an answered call waits for its ACK before it is torn down; default
 *                          32 s, i.e. 64*T1 (RFC 3261 §13.3.1.4)
 * @param maxCalls          concurrent call limit; further INVITEs get 503 (RFC 3261 §21.5.4)
 * @param requestsPerSecond per-source-IP request rate limit
 * @param userAgent         value of the User-Agent / Server headers
 */
public record SipConfig(HostPort listen, List<String> transports, String externalAddress,
                        Duration ackTimeout, int maxCalls, int requestsPerSecond, String userAgent) {

    /** Transport names accepted in {@code sip.transports}. */
    public static final List<String> TRANSPORTS = List.of("udp", "tcp");

    public SipConfig {
        Objects.requireNonNull(listen, "listen");
        transports = List.copyOf(transports);
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** The configuration used when the {@code sip:} section is absent. */
    public static SipConfig defaults() {
        return new SipConfig(new HostPort("0.0.0.0", 5060), TRANSPORTS, null,
                Duration.ofSeconds(32), 200, 50, "Switchboard");
    }
}
