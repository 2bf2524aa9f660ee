package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CodecAndDirectionTest {

    @Test
    void knowsStaticPayloadTypes() {
        assertEquals(OptionalInt.of(0), Codec.PCMU.staticPayloadType());
        assertEquals(OptionalInt.of(8), Codec.PCMA.staticPayloadType());
        assertEquals(OptionalInt.empty(), Codec.TELEPHONE_EVENT.staticPayloadType());
        assertEquals(OptionalInt.empty(), new Codec("opus", 48000, 2).staticPayloadType());
    }

    @Test
    void matchesRtpMapsIgnoringNameCaseButNotRateOrChannels() {
        assertTrue(Codec.PCMU.matches(new RtpMap("pcmu", 8000, 1)));
        assertFalse(Codec.PCMU.matches(new RtpMap("PCMU", 16000, 1)));
        assertFalse(Codec.PCMU.matches(new RtpMap("PCMU", 8000, 2)));
        assertFalse(Codec.TELEPHONE_EVENT.matches(new RtpMap("telephone-event", 48000, 1)));
    }

    @Test
    void describesItselfAsAnRtpMapValue() {
        assertEquals("PCMU/8000", Codec.PCMU.toString());
        assertEquals("telephone-event/8000", Codec.TELEPHONE_EVENT.toString());
        assertEquals("opus/48000/2", new Codec("opus", 48000, 2).toString());
        assertEquals(Optional.of(new RtpMap("L16", 44100, 2)), RtpMap.staticAudio(10));
        assertEquals(Optional.empty(), RtpMap.staticAudio(96));
    }

    @Test
    void refusesNonsenseCodecs() {
        assertThrows(IllegalArgumentException.class, () -> new Codec(" ", 8000, 1));
        assertThrows(IllegalArgumentException.class, () -> new Codec("PCMU", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Codec("PCMU", 8000, 0));
    }

    @Test
    void reverseSwapsSendAndReceiveOnly() {
        assertEquals(Direction.RECVONLY, Direction.SENDONLY.reverse());
        assertEquals(Direction.SENDONLY, Direction.RECVONLY.reverse());
        assertEquals(Direction.SENDRECV, Direction.SENDRECV.reverse());
        assertEquals(Direction.INACTIVE, Direction.INACTIVE.reverse());
    }

    @Test
    void mapsAttributeNames() {
        for (Direction direction : Direction.values()) {
            assertEquals(Optional.of(direction), Direction.fromAttribute(direction.attribute()));
        }
        assertEquals("sendonly", Direction.SENDONLY.attribute());
        assertEquals(Optional.empty(), Direction.fromAttribute("SENDONLY"));
        assertEquals(Optional.empty(), Direction.fromAttribute("ptime:20"));
    }

    @Test
    void localMediaRefusesBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new LocalMedia("pbx.example.com", 4000, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LocalMedia("192.0.2.1", 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LocalMedia("192.0.2.1", 65536, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LocalMedia("192.0.2.1", 4000, -1, 1));
        assertEquals(new Origin("-", "5", "6", "2001:db8::2"), new LocalMedia("2001:db8::2", 4000, 5, 6).origin());
    }
}
