package dev.switchboard.config;

import java.util.Objects;

/**
 * A listening address: host (name, IPv4 or IPv6 literal, stored without brackets) and port.
 * Port 0 is allowed and means "any free port", which tests and the local engine use.
 */
public record HostPort(String host, int port) {

    private static final String EXAMPLE = "expected host:port, e.g. 0.0.0.0:5060 or [::1]:5060";

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host must not be empty or contain spaces");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port} (RFC 3986 §3.2.2 bracket form; a bare IPv6
     * literal is ambiguous with the port separator and is rejected).
     *
     * @throws IllegalArgumentException with a message saying what was wrong
     */
    public static HostPort parse(String text) {
        Objects.requireNonNull(text, "text");
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("invalid address '" + text + "' (" + EXAMPLE + ")");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("missing port in '" + text + "' (" + EXAMPLE + ")");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.contains(":")) {
                throw new IllegalArgumentException(
                        "IPv6 address '" + text + "' needs brackets, e.g. [::1]:5060");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("missing host in '" + text + "' (" + EXAMPLE + ")");
        }
        return new HostPort(host, parsePort(port, text));
    }

    private static int parsePort(String port, String text) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid port in '" + text + "' (" + EXAMPLE + ")");
        }
        return Integer.parseInt(port);
    }

    /** The same form {@link #parse} accepts: brackets around IPv6 literals. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
