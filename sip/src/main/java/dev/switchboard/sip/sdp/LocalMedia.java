package dev.switchboard.sip.sdp;

import java.util.Objects;

/**
 * Our side of a session: where we receive RTP and how our descriptions are identified.
 *
 * <p>RFC 3264 §8: every description we send for one session keeps {@code sessionId} and the address; a description
 * that differs from the previous one we sent (a changed answer to a re-offer, a new offer) must carry
 * {@code sessionVersion} one higher, and an unchanged one the same version. Tracking that is the caller's job.
 *
 * @param address        the IPv4 or IPv6 literal we put in {@code c=} and {@code o=}
 * @param port           the RTP port we receive on (RTCP, if any, on port + 1)
 * @param sessionId      the {@code o=} session id, fixed for the life of the session
 * @param sessionVersion the {@code o=} version of this description
 */
public record LocalMedia(String address, int port, long sessionId, long sessionVersion) {

    public LocalMedia {
        Objects.requireNonNull(address, "address");
        if (!SdpSyntax.isIpv4(address) && !SdpSyntax.isIpv6(address)) {
            throw new IllegalArgumentException("local address is not an IPv4 or IPv6 literal: " + address);
        }
        if (port < 1 || port > SdpSyntax.MAX_PORT) {
            throw new IllegalArgumentException("local RTP port out of range 1-65535: " + port);
        }
        if (sessionId < 0 || sessionVersion < 0) {
            throw new IllegalArgumentException("session id and version must not be negative");
        }
    }

    /** The {@code o=} line for this description; the username is {@code "-"} (RFC 8866 §5.2). */
    public Origin origin() {
        return new Origin("-", Long.toString(sessionId), Long.toString(sessionVersion), address);
    }
}
