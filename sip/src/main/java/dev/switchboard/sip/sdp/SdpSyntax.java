package dev.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Lexical rules shared by the parser, the writer and the negotiator: numbers, addresses, safe quoting. */
final class SdpSyntax {

    static final int MAX_PORT = 65_535;
    static final int MAX_PAYLOAD_TYPE = 127;
    /** RFC 3551 §6: payload types 96-127 are dynamic, bound by an rtpmap. */
    static final int FIRST_DYNAMIC_PAYLOAD_TYPE = 96;

    private static final int MAX_QUOTED = 48;
    private static final int MAX_DIGITS = 9;
    private static final Pattern MILLISECONDS = Pattern.compile("[0-9]{1,5}(\\.[0-9]{1,3})?");

    private SdpSyntax() {
    }

    /**
     * The value of an unsigned ASCII decimal no greater than {@code max}, or -1. {@link Integer#parseInt} is not
     * used alone because it also accepts a sign and non-ASCII digits.
     */
    static int parseUnsigned(String token, int max) {
        if (token.isEmpty() || token.length() > MAX_DIGITS) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        int value = Integer.parseInt(token);
        return value <= max ? value : -1;
    }

    /**
     * A packet time in milliseconds as {@code a=ptime} and {@code a=maxptime} give it (RFC 8866 §6.4, §6.5), rounded
     * to whole milliseconds because some endpoints send a fraction; -1 when it is not a number.
     */
    static int parseMilliseconds(String token) {
        return MILLISECONDS.matcher(token).matches() ? (int) Math.round(Double.parseDouble(token)) : -1;
    }

    /** An RTP payload type 0-127, or -1 when the format is not one. */
    static int parsePayloadType(String format) {
        return parseUnsigned(format, MAX_PAYLOAD_TYPE);
    }

    /** Whether a session id or version is the non-empty digit string RFC 8866 §5.2 requires. */
    static boolean isDigits(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A dotted quad such as {@code 192.0.2.1}; {@code 0.0.0.0} is allowed (legacy hold, RFC 3264 §8.4). */
    static boolean isIpv4(String address) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.length() > 3 || parseUnsigned(octet, 255) < 0) {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 literal in RFC 4291 §2.2 text form, optionally ending in a dotted quad; no zone id. */
    static boolean isIpv6(String address) {
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap >= 0 ? address.substring(0, gap) : address;
        String tail = gap >= 0 ? address.substring(gap + 2) : "";
        List<String> groups = new ArrayList<>();
        if (!head.isEmpty()) {
            groups.addAll(List.of(head.split(":", -1)));
        }
        if (!tail.isEmpty()) {
            groups.addAll(List.of(tail.split(":", -1)));
        }
        int width = 0;
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            boolean last = i == groups.size() - 1;
            if (last && group.contains(".")) {
                if (!isIpv4(group)) {
                    return false;
                }
                width += 2;
            } else if (isHexGroup(group)) {
                width += 1;
            } else {
                return false;
            }
        }
        return gap >= 0 ? width <= 7 : width == 8;
    }

    private static boolean isHexGroup(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return false;
        }
        return group.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    /**
     * A {@link FormatParameters} value for a codec's {@code a=fmtp} line, stripped. It goes into the SDP verbatim,
     * so it must be one line: a line break in it would forge lines.
     *
     * @throws IllegalArgumentException when it is null or has control characters
     */
    static String fmtpValue(String parameters, Codec codec) {
        if (parameters == null || parameters.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("format parameters for " + codec + " must be one line without "
                    + "control characters, got " + (parameters == null ? "null" : quote(parameters)));
        }
        return parameters.strip();
    }

    /** The SDP address type of a literal address: {@code IP6} if it contains a colon, else {@code IP4}. */
    static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    /**
     * Untrusted input fit for an error message: control characters replaced, cut to a few dozen characters, in
     * single quotes, so a hostile body cannot forge log lines or bloat a Warning header.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 5).append('\'');
        for (int i = 0; i < text.length() && i < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            quoted.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > MAX_QUOTED) {
            quoted.append("...");
        }
        return quoted.append('\'').toString();
    }
}
