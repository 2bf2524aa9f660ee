package dev.switchboard.sip.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 §5.2), which identifies a session description and its revision. Network type is
 * always {@code IN}; the address type (IP4 or IP6) follows from the address.
 *
 * <p>Session id and version are kept as the decimal strings that were sent: RFC 8866 bounds neither, and RFC 3264
 * §8 only needs them compared for equality (an unchanged version means an unchanged description).
 *
 * @param username       the originator's user name, {@code "-"} when it has none
 * @param sessionId      numeric session id
 * @param sessionVersion numeric version, incremented for every changed description of the same session
 * @param address        the originating host's address (may be a domain name)
 */
public record Origin(String username, String sessionId, String sessionVersion, String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(address, "address");
    }
}
