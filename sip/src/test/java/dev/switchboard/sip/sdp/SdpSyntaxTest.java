package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.1", "255.255.255.255", "010.1.1.1"})
    void acceptsDottedQuads(String address) {
        assertTrue(SdpSyntax.isIpv4(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.", ".1.2.3", "1.2.3.-4", "1.2.3.+4",
        "1.2.3.0004", "1.2.3.\u0661", "a.b.c.d", "1..2.3"})
    void rejectsWhatIsNotADottedQuad(String address) {
        assertFalse(SdpSyntax.isIpv4(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::7", "2001:DB8:0:0:8:800:200C:417A", "fe80::1:2:3:4:5:6",
        "::ffff:192.0.2.1", "1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:6:7::"})
    void acceptsIpv6Literals(String address) {
        assertTrue(SdpSyntax.isIpv6(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":1", "1:", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
        "12345::1", "g::1", "fe80::1%eth0", "::192.0.2", "::1.2.3.4:5", "192.0.2.1", "1:2:3:4:5:6:7:192.0.2.1"})
    void rejectsWhatIsNotAnIpv6Literal(String address) {
        assertFalse(SdpSyntax.isIpv6(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "8", "127"})
    void parsesPayloadTypes(String format) {
        assertEquals(Integer.parseInt(format), SdpSyntax.parsePayloadType(format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"128", "-1", "+8", "t38", "*", "", "99999999999"})
    void refusesWhatIsNotAPayloadType(String format) {
        assertEquals(-1, SdpSyntax.parsePayloadType(format));
    }

    @Test
    void quoteReplacesControlsAndCutsLongText() {
        assertEquals("'a?b'", SdpSyntax.quote("a\u0007b"));
        assertEquals("'" + "x".repeat(48) + "...'", SdpSyntax.quote("x".repeat(100)));
    }
}
