package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code a=maxptime} (RFC 8866 §6.5), which stays among the other attributes. */
class MediaDescriptionTest {

    private static MediaDescription withAttributes(String... attributes) {
        return new MediaDescription("audio", 4000, 1, "RTP/AVP", List.of("0"), Map.of(), Map.of(),
                OptionalInt.empty(), null, null, List.of(attributes));
    }

    @Test
    void readsMaxptimeFromAParsedOffer() {
        MediaDescription audio = SdpParser.parse(SdpFixtures.ASTERISK).media().get(0);

        assertEquals(OptionalInt.of(150), audio.maxptime());
        assertEquals(List.of("maxptime:150"), audio.otherAttributes());
    }

    @Test
    void noMaxptimeIsEmpty() {
        assertEquals(OptionalInt.empty(), SdpParser.parse(SdpFixtures.FREESWITCH).media().get(0).maxptime());
        assertEquals(OptionalInt.empty(), withAttributes("rtcp-rsize", "maxptimes:20").maxptime());
    }

    @Test
    void roundsAFractionAndToleratesBlanks() {
        assertEquals(OptionalInt.of(40), withAttributes("maxptime:40.0").maxptime());
        assertEquals(OptionalInt.of(60), withAttributes("maxptime: 60 ").maxptime());
    }

    @Test
    void malformedOrZeroMaxptimeCountsAsAbsent() {
        assertEquals(OptionalInt.empty(), withAttributes("maxptime:soon").maxptime());
        assertEquals(OptionalInt.empty(), withAttributes("maxptime:-20").maxptime());
        assertEquals(OptionalInt.empty(), withAttributes("maxptime:0").maxptime());
        assertEquals(OptionalInt.empty(), withAttributes("maxptime:").maxptime());
    }
}
