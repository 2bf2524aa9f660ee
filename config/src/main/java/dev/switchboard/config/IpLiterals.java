package dev.switchboard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes IP address literals without any name lookup (unlike {@code InetAddress.getByName},
 * which resolves whatever is not a literal): IPv4 in dotted decimal, IPv6 in the text forms of
 * RFC 4291 §2.2, written back in the canonical form of RFC 5952 §4.
 */
final class IpLiterals {

    /** Four decimal octets; leading zeros are refused, since some parsers read {@code 010} as octal. */
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final int IPV6_GROUPS = 8;

    private IpLiterals() {
    }

    /** The address's bytes, 4 for IPv4 and 16 for IPv6; null when {@code text} is neither. */
    static byte[] parse(String text) {
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    /** {@code address} (4 or 16 bytes) as text: dotted decimal, or RFC 5952 canonical IPv6. */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int gapStart = longestZeroRun(groups);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == gapStart) {
                text.append("::");
                while (i + 1 < IPV6_GROUPS && groups[i + 1] == 0) {
                    i++;
                }
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    private static byte[] ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return null;
        }
        String[] octets = text.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(octets[i]);
            if (value > 255) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    /** Eight groups, or fewer around one {@code ::} standing for at least one zero group. */
    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int count = head.size() + tail.size();
        if (gap < 0 ? count != IPV6_GROUPS : count >= IPV6_GROUPS) {
            return null;
        }
        byte[] address = new byte[16];
        put(head, address, 0);
        put(tail, address, IPV6_GROUPS - tail.size());
        return address;
    }

    /**
     * The 16-bit groups of a colon-separated {@code part}, or null when one is malformed.
     *
     * @param endsAddress whether {@code part} ends the address, where an IPv4 address may stand for the
     *                    last two groups (RFC 4291 §2.2, form 3)
     */
    private static List<Integer> groups(String part, boolean endsAddress) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (endsAddress && i == pieces.length - 1 && pieces[i].indexOf('.') >= 0) {
                byte[] ipv4 = ipv4(pieces[i]);
                if (ipv4 == null) {
                    return null;
                }
                groups.add((ipv4[0] & 0xff) << 8 | ipv4[1] & 0xff);
                groups.add((ipv4[2] & 0xff) << 8 | ipv4[3] & 0xff);
            } else if (HEX_GROUP.matcher(pieces[i]).matches()) {
                groups.add(Integer.parseInt(pieces[i], 16));
            } else {
                return null;
            }
        }
        return groups;
    }

    private static void put(List<Integer> groups, byte[] address, int firstGroup) {
        for (int i = 0; i < groups.size(); i++) {
            address[2 * (firstGroup + i)] = (byte) (groups.get(i) >> 8);
            address[2 * (firstGroup + i) + 1] = groups.get(i).byteValue();
        }
    }

    /** Where the first longest run of at least two zero groups starts (RFC 5952 §4.2), or -1. */
    private static int longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        int i = 0;
        while (i < groups.length) {
            int end = i;
            while (end < groups.length && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        return bestStart;
    }
}
