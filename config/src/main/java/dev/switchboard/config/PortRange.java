package dev.switchboard.config;

import java.util.Objects;

/**
 * An inclusive range of UDP ports for RTP. Ports below 1024 are privileged and reserved for
 * well-known services, so they are refused. A range holds at least two ports because each RTP
 * session takes an even port with RTCP on the next odd one (RFC 3550 §11).
 */
public record PortRange(int first, int last) {

    public PortRange {
        checkPort(first);
        checkPort(last);
        if (first > last) {
            throw new IllegalArgumentException(
                    "first port " + first + " is greater than last port " + last);
        }
        if (first == last) {
            throw new IllegalArgumentException(
                    "range " + first + "-" + last + " has one port; RTP needs at least 2 (RTP + RTCP)");
        }
    }

    /**
     * Parses {@code first-last}, e.g. {@code 20000-20999}.
     *
     * @throws IllegalArgumentException with a message saying what was wrong
     */
    public static PortRange parse(String text) {
        Objects.requireNonNull(text, "text");
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException(
                    "invalid port range '" + text + "' (expected first-last, e.g. 20000-20999)");
        }
        return new PortRange(number(text.substring(0, dash).strip(), text),
                number(text.substring(dash + 1).strip(), text));
    }

    /** Number of ports in the range. */
    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }

    private static int number(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "invalid port range '" + text + "' (expected first-last, e.g. 20000-20999)");
        }
        return Integer.parseInt(digits);
    }

    private static void checkPort(int port) {
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1024..65535");
        }
    }
}
