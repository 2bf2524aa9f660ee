package dev.switchboard.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The RFC 4733 §2.3 report and the §3.2 key codes. */
class TelephoneEventTest {

    @Test
    void parsesEveryField() {
        // Event 11 (#), E bit, volume 10, duration 2240: SIPp's final report for '#'.
        TelephoneEvent event = TelephoneEvent.parse(new byte[] {0x0B, (byte) 0x8A, 0x08, (byte) 0xC0}, 0, 4);

        assertEquals(new TelephoneEvent(11, true, 10, 2240), event);
        assertEquals('#', event.digit());
    }

    @Test
    void parsesAtAnOffsetAndIgnoresTheReservedBitAndTrailingReports() {
        byte[] payload = {99, 99, 5, 0x7F, (byte) 0xFF, (byte) 0xFF, 6, 0, 0, 1};

        TelephoneEvent event = TelephoneEvent.parse(payload, 2, 8);

        assertEquals(new TelephoneEvent(5, false, 63, 0xFFFF), event, "R bit (0x40) dropped, not read as volume");
    }

    @Test
    void aPayloadShorterThanOneReportIsRejected() {
        assertNull(TelephoneEvent.parse(new byte[] {5, 0x0A, 0x00}, 0, 3));
        assertNull(TelephoneEvent.parse(new byte[] {5, 0x0A, 0x00, 0x20}, 1, 3));
        assertNull(TelephoneEvent.parse(new byte[0], 0, 0));
    }

    @Test
    void toBytesIsTheWireFormatAndParsesBack() {
        TelephoneEvent event = new TelephoneEvent(12, true, 10, 800);

        byte[] wire = event.toBytes();

        assertArrayEquals(new byte[] {12, (byte) 0x8A, 0x03, 0x20}, wire);
        assertEquals(event, TelephoneEvent.parse(wire, 0, wire.length));
    }

    @Test
    void theSixteenDtmfCodesMapToTheirKeysAndBack() {
        String keys = "0123456789*#ABCD";
        for (int code = 0; code < 16; code++) {
            TelephoneEvent event = new TelephoneEvent(code, false, 10, 160);
            assertTrue(event.isDtmf());
            assertEquals(keys.charAt(code), event.digit());
            assertEquals(code, TelephoneEvent.eventCode(keys.charAt(code)));
        }
    }

    @Test
    void otherEventsHaveNoDigit() {
        TelephoneEvent flash = new TelephoneEvent(16, false, 10, 160);

        assertFalse(flash.isDtmf());
        assertFalse(new TelephoneEvent(255, false, 0, 0).isDtmf());
        IllegalStateException e = assertThrows(IllegalStateException.class, flash::digit);
        assertTrue(e.getMessage().contains("16"), e.getMessage());
    }

    @Test
    void eventCodeNamesTheCharacterItRejects() {
        for (char bad : new char[] {'a', 'E', 'x', ' ', '+', ','}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TelephoneEvent.eventCode(bad));
            assertTrue(e.getMessage().startsWith("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void fieldsOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TelephoneEvent(256, false, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new TelephoneEvent(-1, false, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new TelephoneEvent(1, false, 64, 0));
        assertThrows(IllegalArgumentException.class, () -> new TelephoneEvent(1, false, 10, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> new TelephoneEvent(1, false, 10, -1));
    }
}
