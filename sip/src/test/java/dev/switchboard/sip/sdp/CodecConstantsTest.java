package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The wideband, comfort noise and telephone-event codecs (RFC 3551, RFC 3389, RFC 4733, RFC 7587). */
class CodecConstantsTest {

    @Test
    void staticPayloadTypesOfG722AndComfortNoise() {
        assertEquals(OptionalInt.of(9), Codec.G722.staticPayloadType());
        assertEquals(OptionalInt.of(13), Codec.COMFORT_NOISE.staticPayloadType());
        assertEquals(Optional.of(Codec.G722.toRtpMap()), RtpMap.staticAudio(9));
        assertEquals(Optional.of(Codec.COMFORT_NOISE.toRtpMap()), RtpMap.staticAudio(13));
    }

    @Test
    void g722HasAn8000HzClockDespiteSamplingAt16kHz() {
        assertEquals("G722/8000", Codec.G722.toString());
        assertFalse(Codec.G722.matches(new RtpMap("G722", 16000, 1)));
    }

    @Test
    void opusIsAlwaysMappedAs48000With2ChannelsOnADynamicType() {
        assertEquals("opus/48000/2", Codec.OPUS.toString());
        assertEquals(OptionalInt.empty(), Codec.OPUS.staticPayloadType());
        assertTrue(Codec.OPUS.matches(new RtpMap("OPUS", 48000, 2)));
        assertFalse(Codec.OPUS.matches(new RtpMap("opus", 48000, 1)));
    }

    @Test
    void telephoneEventAtAnyClockRate() {
        assertEquals(Codec.TELEPHONE_EVENT, Codec.telephoneEvent(8000));
        assertEquals("telephone-event/48000", Codec.telephoneEvent(48000).toString());
        assertEquals(OptionalInt.empty(), Codec.telephoneEvent(48000).staticPayloadType());
        assertThrows(IllegalArgumentException.class, () -> Codec.telephoneEvent(0));
    }
}
