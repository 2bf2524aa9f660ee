package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SdpWriterTest {

    @Test
    void writesLinesInRfc8866OrderWithCrlf() {
        MediaDescription audio = new MediaDescription("audio", 4000, 1, "RTP/AVP", List.of("8", "101"),
                Map.of(8, new RtpMap("PCMA", 8000, 1), 101, new RtpMap("telephone-event", 8000, 1)),
                Map.of(101, "0-16"), OptionalInt.of(20), Direction.RECVONLY, "192.0.2.9", List.of("maxptime:40"));
        MediaDescription video = new MediaDescription("video", 0, 1, "RTP/AVP", List.of("96"), Map.of(), Map.of(),
                OptionalInt.empty(), null, null, List.of());
        SessionDescription sdp = new SessionDescription(new Origin("-", "7", "8", "192.0.2.1"), "-", "192.0.2.1",
                null, List.of("group:x"), List.of(audio, video));

        assertEquals("""
                v=0\r
                o=- 7 8 IN IP4 192.0.2.1\r
                s=-\r
                c=IN IP4 192.0.2.1\r
                t=0 0\r
                a=group:x\r
                m=audio 4000 RTP/AVP 8 101\r
                c=IN IP4 192.0.2.9\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-16\r
                a=ptime:20\r
                a=maxptime:40\r
                a=recvonly\r
                m=video 0 RTP/AVP 96\r
                """, SdpWriter.write(sdp));
    }

    @Test
    void writesIpv6PortCountMultiChannelRtpMapAndSessionDirection() {
        MediaDescription audio = new MediaDescription("audio", 4000, 2, "RTP/AVP", List.of("96"),
                Map.of(96, new RtpMap("opus", 48000, 2)), Map.of(96, ""), OptionalInt.empty(), null, null,
                List.of());
        SessionDescription sdp = new SessionDescription(new Origin("me", "1", "1", "2001:db8::1"), "", "2001:db8::1",
                Direction.INACTIVE, List.of(), List.of(audio));

        String text = SdpWriter.write(sdp);

        assertTrue(text.contains("o=me 1 1 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\n"
                + "a=inactive\r\nm=audio 4000/2 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96\r\n"), text);
    }

    @Test
    void everyLineEndsInCrlfAndNoBareLineFeedRemains() {
        String text = SdpWriter.write(SdpParser.parse(SdpFixtures.LINPHONE));

        assertTrue(text.endsWith("\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"));
    }

    @Test
    void roundTripsEveryRealWorldOffer() {
        for (String offer : SdpFixtures.REAL_WORLD) {
            SessionDescription parsed = SdpParser.parse(offer);

            assertEquals(parsed, SdpParser.parse(SdpWriter.write(parsed)), offer);
        }
    }

    @Test
    void writtenTextIsStableAfterOneRoundTrip() {
        String once = SdpWriter.write(SdpParser.parse(SdpFixtures.BARESIP));

        assertEquals(once, SdpWriter.write(SdpParser.parse(once)));
    }
}
