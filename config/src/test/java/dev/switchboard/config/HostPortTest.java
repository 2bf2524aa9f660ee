package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void parsesIpv4AndNames() {
        assertEquals(new HostPort("0.0.0.0", 5060), HostPort.parse("0.0.0.0:5060"));
        assertEquals(new HostPort("sip.example.com", 5080), HostPort.parse("sip.example.com:5080"));
        assertEquals(new HostPort("127.0.0.1", 0), HostPort.parse("127.0.0.1:0"));
    }

    @Test
    void parsesBracketedIpv6() {
        assertEquals(new HostPort("::1", 8080), HostPort.parse("[::1]:8080"));
        assertEquals(new HostPort("2001:db8::10", 5060), HostPort.parse("[2001:db8::10]:5060"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0:5060", "[::]:5060", "[2001:db8::10]:65535", "localhost:1"})
    void toStringRoundTrips(String text) {
        assertEquals(text, HostPort.parse(text).toString());
    }

    @Test
    void rejectsMissingOrBadParts() {
        assertEquals("missing port in 'foo' (expected host:port, e.g. 0.0.0.0:5060 or [::1]:5060)",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("foo")).getMessage());
        assertEquals("missing host in ':5060' (expected host:port, e.g. 0.0.0.0:5060 or [::1]:5060)",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse(":5060")).getMessage());
        assertEquals("IPv6 address '::1:5060' needs brackets, e.g. [::1]:5060",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("::1:5060")).getMessage());
        assertEquals("port 70000 is outside 0..65535",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:70000")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h:", "h:abc", "h:-1", "h:123456", "[::1]", "[::1]5060", "[]:5060", "a b:5060"})
    void rejectsMalformed(String text) {
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text));
    }
}
