package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressBlockTest {

    /** An address from a literal; getByName looks nothing up for a literal. */
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static String rejection(String text) {
        return assertThrows(IllegalArgumentException.class, () -> AddressBlock.parse(text)).getMessage();
    }

    @Test
    void ipv4BlockContainsExactlyItsRange() {
        AddressBlock block = AddressBlock.parse("203.0.113.0/24");

        assertTrue(block.contains(ip("203.0.113.0")));
        assertTrue(block.contains(ip("203.0.113.255")));
        assertFalse(block.contains(ip("203.0.112.255")));
        assertFalse(block.contains(ip("203.0.114.0")));
        assertEquals(24, block.prefixLength());
        assertFalse(block.isIpv6());
    }

    @Test
    void prefixesNotOnAByteBoundary() {
        AddressBlock block = AddressBlock.parse("10.0.0.16/28");

        assertTrue(block.contains(ip("10.0.0.16")));
        assertTrue(block.contains(ip("10.0.0.31")));
        assertFalse(block.contains(ip("10.0.0.15")));
        assertFalse(block.contains(ip("10.0.0.32")));
        AddressBlock v6 = AddressBlock.parse("2001:db8:8000::/33");
        assertTrue(v6.contains(ip("2001:db8:ffff::1")));
        assertFalse(v6.contains(ip("2001:db8:7fff::1")));
    }

    @Test
    void singleAddressIsABlockOfOne() {
        AddressBlock host = AddressBlock.parse("10.0.0.5");

        assertTrue(host.contains(ip("10.0.0.5")));
        assertFalse(host.contains(ip("10.0.0.4")));
        assertEquals(32, host.prefixLength());
        assertEquals(AddressBlock.parse("10.0.0.5/32"), host);
        assertEquals("10.0.0.5", host.toString());
        assertEquals(128, AddressBlock.parse("::1").prefixLength());
    }

    @Test
    void ipv6BlockContainsExactlyItsRange() {
        AddressBlock block = AddressBlock.parse("2001:db8::/32");

        assertTrue(block.contains(ip("2001:db8::1")));
        assertTrue(block.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertFalse(block.contains(ip("2001:db9::")));
        assertFalse(block.contains(ip("2001:db7:ffff::")));
        assertTrue(block.isIpv6());
    }

    @Test
    void familiesNeverMatchEachOther() {
        assertFalse(AddressBlock.parse("::/0").contains(ip("10.0.0.1")));
        assertFalse(AddressBlock.parse("0.0.0.0/0").contains(ip("::1")));
        assertTrue(AddressBlock.parse("0.0.0.0/0").contains(ip("198.51.100.7")));
        assertTrue(AddressBlock.parse("::/0").contains(ip("fe80::1")));
    }

    @Test
    void javaReportsIpv4MappedPeersAsIpv4() {
        InetAddress mapped = ip("::ffff:203.0.113.9");

        assertTrue(AddressBlock.parse("203.0.113.0/24").contains(mapped));
    }

    @Test
    void everyIpv6TextFormIsRead() {
        List<String> sameAddress = List.of("2001:db8:0:0:1:0:0:1", "2001:DB8::1:0:0:1", "2001:0db8:0000:0000:0001::1",
                "2001:db8:0:0:1::1");
        for (String text : sameAddress) {
            assertEquals(AddressBlock.parse("2001:db8::1:0:0:1"), AddressBlock.parse(text), text);
        }
        assertEquals(AddressBlock.parse("::c000:280"), AddressBlock.parse("::192.0.2.128"));
        assertEquals(AddressBlock.parse("64:ff9b::c000:201"), AddressBlock.parse("64:ff9b::192.0.2.1"));
        assertEquals("::/0", AddressBlock.parse("::/0").toString());
        assertEquals("1:2:3:4:5:6:7:0", AddressBlock.parse("1:2:3:4:5:6:7::").toString());
    }

    @Test
    void canonicalFormFollowsRfc5952() {
        assertEquals("2001:db8::1:0:0:1", AddressBlock.parse("2001:DB8:0:0:1:0:0:1").toString());
        assertEquals("2001:db8:0:1:1:1:1:1", AddressBlock.parse("2001:db8::1:1:1:1:1").toString());
        assertEquals("2001:db8:0:0:1::", AddressBlock.parse("2001:db8:0:0:1:0:0:0").toString());
        assertEquals("::1", AddressBlock.parse("0:0:0:0:0:0:0:1").toString());
        assertEquals("fe80::/10", AddressBlock.parse("fe80::/10").toString());
        assertEquals("203.0.113.0/24", AddressBlock.parse(" 203.0.113.0/24 ").toString());
    }

    @Test
    void malformedAddressesAreRejected() {
        List<String> bad = List.of("", "10.0.0", "10.0.0.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.-1", "1e1.0.0.1",
                "example.com", "10,0,0,1", ":::", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:",
                "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "12345::", "g::1", "1.2.3.4::",
                "::1.2.3", "::ffff:1.2.3.256", "٣.0.0.1");
        for (String text : bad) {
            assertEquals("invalid address '" + text + "' (expected " + AddressBlock.EXPECTED + ")", rejection(text),
                    text);
        }
    }

    @Test
    void prefixLengthsAreChecked() {
        assertEquals("prefix length 33 in '10.0.0.0/33' is outside 0..32", rejection("10.0.0.0/33"));
        assertEquals("prefix length 129 in '2001:db8::/129' is outside 0..128", rejection("2001:db8::/129"));
        assertEquals("invalid prefix length '' in '10.0.0.0/' (expected a number within 0..32)",
                rejection("10.0.0.0/"));
        assertEquals("invalid prefix length '08' in '10.0.0.0/08' (expected a number within 0..32)",
                rejection("10.0.0.0/08"));
        assertEquals("invalid prefix length '8/8' in '10.0.0.0/8/8' (expected a number within 0..32)",
                rejection("10.0.0.0/8/8"));
        assertEquals("invalid prefix length '-1' in '10.0.0.0/-1' (expected a number within 0..32)",
                rejection("10.0.0.0/-1"));
    }

    @Test
    void hostBitsAfterThePrefixAreRefusedWithTheBlockMeant() {
        assertEquals("'203.0.113.5/24' has bits set after the /24 prefix (did you mean 203.0.113.0/24?)",
                rejection("203.0.113.5/24"));
        assertEquals("'2001:db8::1/32' has bits set after the /32 prefix (did you mean 2001:db8::/32?)",
                rejection("2001:db8::1/32"));
        assertEquals("'10.0.0.17/28' has bits set after the /28 prefix (did you mean 10.0.0.16/28?)",
                rejection("10.0.0.17/28"));
    }

    @Test
    void zoneIdsAndMappedAddressesAreRefused() {
        assertEquals("'fe80::1%eth0' has a zone ID (%...), which is not allowed here", rejection("fe80::1%eth0"));
        assertEquals("'::ffff:203.0.113.9' is an IPv4-mapped IPv6 address, which never matches (IPv4 peers are seen "
                + "by their IPv4 address); write 203.0.113.9 instead", rejection("::ffff:203.0.113.9"));
        assertEquals("'::ffff:10.0.0.0/104' is an IPv4-mapped IPv6 address, which never matches (IPv4 peers are "
                + "seen by their IPv4 address); write 10.0.0.0/8 instead", rejection("::ffff:10.0.0.0/104"));
    }

    @Test
    void overlapMeansOneContainsTheOther() {
        AddressBlock wide = AddressBlock.parse("10.0.0.0/8");

        assertTrue(wide.overlaps(AddressBlock.parse("10.20.0.0/16")));
        assertTrue(AddressBlock.parse("10.20.0.0/16").overlaps(wide));
        assertTrue(wide.overlaps(wide));
        assertFalse(wide.overlaps(AddressBlock.parse("11.0.0.0/8")));
        assertFalse(AddressBlock.parse("10.0.0.0/25").overlaps(AddressBlock.parse("10.0.0.128/25")));
        assertFalse(AddressBlock.parse("::/0").overlaps(AddressBlock.parse("0.0.0.0/0")));
    }

    @Test
    void equalityIsByNetworkAndPrefix() {
        assertEquals(AddressBlock.parse("2001:db8::/32"), AddressBlock.parse("2001:0DB8:0::/32"));
        assertEquals(AddressBlock.parse("2001:db8::/32").hashCode(), AddressBlock.parse("2001:0DB8:0::/32").hashCode());
        assertNotEquals(AddressBlock.parse("10.0.0.0/8"), AddressBlock.parse("10.0.0.0/16"));
    }
}
