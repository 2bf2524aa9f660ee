package dev.switchboard.config;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), such as
 * {@code 203.0.113.0/24} or {@code 2001:db8::/32}. A single address is the block of just that address
 * ({@code /32} or {@code /128}). IPv4 blocks contain only IPv4 addresses and IPv6 blocks only IPv6 ones.
 */
public final class AddressBlock {

    static final String EXPECTED = "an IPv4 or IPv6 address or CIDR block, e.g. 10.0.0.5, 203.0.113.0/24 or "
            + "2001:db8::/32";

    private static final Pattern PREFIX_LENGTH = Pattern.compile("0|[1-9]\\d{0,2}");
    /** The first 12 bytes of an IPv4-mapped IPv6 address, {@code ::ffff:0:0/96} (RFC 4291 §2.5.5.2). */
    private static final byte[] IPV4_MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefixLength;

    private AddressBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses an address ({@code 10.0.0.5}, {@code 2001:db8::5}) or a block ({@code 10.0.0.0/8}). The bits
     * after the prefix must be zero, so {@code 203.0.113.5/24} is refused rather than silently widened.
     * No name is ever looked up.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static AddressBlock parse(String text) {
        String written = text.strip();
        int slash = written.indexOf('/');
        String address = slash < 0 ? written : written.substring(0, slash);
        if (address.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + text + "' has a zone ID (%...), which is not allowed here");
        }
        byte[] bytes = IpLiterals.parse(address);
        if (bytes == null) {
            throw new IllegalArgumentException("invalid address '" + text + "' (expected " + EXPECTED + ")");
        }
        int bits = bytes.length * 8;
        int prefixLength = slash < 0 ? bits : prefixLength(written.substring(slash + 1), bits, text);
        if (prefixLength >= 96 && isIpv4Mapped(bytes)) {
            throw new IllegalArgumentException("'" + text + "' is an IPv4-mapped IPv6 address, which never matches "
                    + "(IPv4 peers are seen by their IPv4 address); write " + asIpv4(bytes, prefixLength, slash >= 0)
                    + " instead");
        }
        AddressBlock block = new AddressBlock(masked(bytes, prefixLength), prefixLength);
        if (!Arrays.equals(block.network, bytes)) {
            throw new IllegalArgumentException("'" + text + "' has bits set after the /" + prefixLength
                    + " prefix (did you mean " + block + "?)");
        }
        return block;
    }

    /** Whether {@code address} is in this block; always false for an address of the other IP version. */
    public boolean contains(InetAddress address) {
        return covers(address.getAddress());
    }

    /** Whether some address is in both blocks, i.e. one block contains the other. */
    public boolean overlaps(AddressBlock other) {
        return covers(other.network) || other.covers(network);
    }

    /** The number of leading bits that every address of the block shares: 0..32 for IPv4, 0..128 for IPv6. */
    public int prefixLength() {
        return prefixLength;
    }

    /** Whether this is an IPv6 block. */
    public boolean isIpv6() {
        return network.length == 16;
    }

    /** The block in canonical form: {@code 203.0.113.0/24}, {@code 2001:db8::/32}, or just the address. */
    @Override
    public String toString() {
        String address = IpLiterals.format(network);
        return prefixLength == network.length * 8 ? address : address + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressBlock block && prefixLength == block.prefixLength
                && Arrays.equals(network, block.network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(network), prefixLength);
    }

    private boolean covers(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        return Arrays.equals(masked(address, prefixLength), network);
    }

    private static int prefixLength(String text, int bits, String written) {
        if (!PREFIX_LENGTH.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid prefix length '" + text + "' in '" + written
                    + "' (expected a number within 0.." + bits + ")");
        }
        int length = Integer.parseInt(text);
        if (length > bits) {
            throw new IllegalArgumentException("prefix length " + length + " in '" + written + "' is outside 0.."
                    + bits);
        }
        return length;
    }

    /** {@code address} with every bit after the first {@code prefixLength} cleared. */
    private static byte[] masked(byte[] address, int prefixLength) {
        byte[] masked = new byte[address.length];
        int wholeBytes = prefixLength / 8;
        System.arraycopy(address, 0, masked, 0, wholeBytes);
        int remainingBits = prefixLength % 8;
        if (remainingBits > 0) {
            masked[wholeBytes] = (byte) (address[wholeBytes] & 0xff00 >> remainingBits);
        }
        return masked;
    }

    private static boolean isIpv4Mapped(byte[] address) {
        return address.length == 16 && Arrays.equals(address, 0, IPV4_MAPPED.length, IPV4_MAPPED, 0, IPV4_MAPPED.length);
    }

    /** How the IPv4-mapped {@code address}, with a prefix of at least 96, is written as IPv4. */
    private static String asIpv4(byte[] address, int prefixLength, boolean withPrefix) {
        String ipv4 = IpLiterals.format(Arrays.copyOfRange(address, 12, 16));
        return withPrefix ? ipv4 + "/" + (prefixLength - 96) : ipv4;
    }
}
