package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CallUrisTest {

    @Test
    void acceptsSipSipsAndTelUris() {
        for (String uri : new String[] {"sip:100@pbx.example.com", "sip:pbx.example.com", "SIP:alice@[2001:db8::1]:5080",
                "sips:desk@pbx.example.com;transport=tls", "sip:alice;day=tuesday@atlanta.example.com",
                "tel:+15551230000", "tel:7042;phone-context=example.com"}) {
            assertEquals(uri, CallUris.check(uri));
        }
    }

    @Test
    void rejectsOtherSchemesAndEmptyParts() {
        assertEquals("URI 'https://pbx.example.com' must start with sip:, sips: or tel:",
                assertThrows(IllegalArgumentException.class, () -> CallUris.check("https://pbx.example.com")).getMessage());
        assertEquals("URI '100@pbx' must start with sip:, sips: or tel:",
                assertThrows(IllegalArgumentException.class, () -> CallUris.check("100@pbx")).getMessage());
        assertEquals("URI 'sip:100@;transport=udp' has no host (expected " + CallUris.EXPECTED + ")",
                assertThrows(IllegalArgumentException.class, () -> CallUris.check("sip:100@;transport=udp")).getMessage());
        assertEquals("URI 'tel:+' has no number (expected " + CallUris.EXPECTED + ")",
                assertThrows(IllegalArgumentException.class, () -> CallUris.check("tel:+")).getMessage());
        assertEquals("invalid URI 'sip:': Expected scheme-specific part",
                assertThrows(IllegalArgumentException.class, () -> CallUris.check("sip:")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CallUris.check("sip:a b@pbx"));
    }
}
