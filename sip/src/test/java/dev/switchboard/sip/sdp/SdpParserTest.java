package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    @Test
    void parsesSippDefaultOffer() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.crlf(SdpFixtures.SIPP));

        assertEquals(new Origin("user1", "53655765", "2353687637", "192.0.2.10"), sdp.origin());
        assertEquals("-", sdp.sessionName());
        assertEquals("192.0.2.10", sdp.connectionAddress());
        assertNull(sdp.direction());
        MediaDescription audio = sdp.media().get(0);
        assertEquals("audio", audio.type());
        assertEquals(6000, audio.port());
        assertEquals(1, audio.portCount());
        assertEquals("RTP/AVP", audio.protocol());
        assertEquals(List.of("0"), audio.formats());
        assertEquals(Map.of(0, new RtpMap("PCMU", 8000, 1)), audio.rtpMaps());
    }

    @Test
    void parsesAsteriskOfferWithAllItsAttributes() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.crlf(SdpFixtures.ASTERISK));

        MediaDescription audio = sdp.media().get(0);
        assertEquals(List.of(0, 8, 3, 101), audio.payloadTypes());
        assertEquals(new RtpMap("GSM", 8000, 1), audio.rtpMaps().get(3));
        assertEquals(new RtpMap("telephone-event", 8000, 1), audio.rtpMaps().get(101));
        assertEquals(Map.of(101, "0-16"), audio.fmtp());
        assertEquals(OptionalInt.of(20), audio.ptime());
        assertEquals(Direction.SENDRECV, audio.direction());
        assertEquals(List.of("maxptime:150"), audio.otherAttributes());
        assertEquals("1580929360", sdp.origin().sessionVersion());
    }

    @Test
    void parsesBaresipOfferWithOpusAndMultiChannelRtpMap() {
        MediaDescription audio = SdpParser.parse(SdpFixtures.BARESIP).media().get(0);

        assertEquals(List.of(96, 0, 8, 101), audio.payloadTypes());
        assertEquals(new RtpMap("opus", 48000, 2), audio.rtpMaps().get(96));
        assertEquals("stereo=1;sprop-stereo=1", audio.fmtp().get(96));
        assertEquals("0-15", audio.fmtp().get(101));
        assertEquals(List.of("label:1", "ssrc:1471929123 cname:d4b2b1c0-8bb1-4e13-9d7b-7a6e8f1f2c21", "rtcp-rsize"),
                audio.otherAttributes());
    }

    @Test
    void parsesLinphoneOfferWithVideoAndSessionAttributes() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.LINPHONE);

        assertEquals(List.of("rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics"),
                sdp.attributes());
        assertEquals(2, sdp.media().size());
        MediaDescription audio = sdp.media().get(0);
        assertEquals("annexb=yes", audio.fmtp().get(18));
        assertEquals(Optional.of(new RtpMap("G729", 8000, 1)), audio.rtpMap(18));
        assertEquals(new RtpMap("telephone-event", 8000, 1), audio.rtpMaps().get(100));
        MediaDescription video = sdp.media().get(1);
        assertEquals("video", video.type());
        assertEquals(new RtpMap("VP8", 90000, 1), video.rtpMaps().get(96));
        assertEquals(List.of("rtcp-fb:* trr-int 1000", "rtcp-fb:96 nack pli"), video.otherAttributes());
    }

    @Test
    void parsesIpv6Addresses() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.IPV6);

        assertEquals("2001:db8::7", sdp.connectionAddress());
        assertEquals("2001:db8::7", sdp.origin().address());
    }

    @Test
    void mediaLevelConnectionOverridesSessionLevel() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.MEDIA_LEVEL_CONNECTION);

        assertEquals("198.51.100.1", sdp.connectionAddress());
        assertEquals("203.0.113.99", sdp.media().get(0).connectionAddress());
        assertEquals("203.0.113.99", sdp.connectionAddressOf(sdp.media().get(0)));
    }

    @Test
    void keepsLegacyHoldAddress() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.LEGACY_HOLD);

        assertEquals("0.0.0.0", sdp.connectionAddress());
        assertEquals(Direction.SENDONLY, sdp.directionOf(sdp.media().get(0)));
    }

    @Test
    void impliesStaticRtpMapsButDoesNotInventThem() {
        MediaDescription audio = SdpParser.parse(SdpFixtures.VIDEO_FIRST).media().get(1);

        assertEquals(Map.of(101, new RtpMap("telephone-event", 8000, 1)), audio.rtpMaps());
        assertEquals(Optional.of(new RtpMap("PCMA", 8000, 1)), audio.rtpMap(8));
        assertEquals(Optional.of(new RtpMap("PCMU", 8000, 1)), audio.rtpMap(0));
        assertEquals(Optional.empty(), audio.rtpMap(97));
    }

    @Test
    void sessionLevelDirectionAppliesWhenStreamHasNone() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.SIPP.replace("t=0 0\n", "t=0 0\na=recvonly\n"));

        assertEquals(Direction.RECVONLY, sdp.direction());
        assertNull(sdp.media().get(0).direction());
        assertEquals(Direction.RECVONLY, sdp.directionOf(sdp.media().get(0)));
        assertEquals(Direction.SENDRECV, SdpParser.parse(SdpFixtures.SIPP).directionOf(
                SdpParser.parse(SdpFixtures.SIPP).media().get(0)));
    }

    @Test
    void toleratesTrailingWhitespaceBlankLinesAndUnknownLines() {
        String sloppy = "v=0 \r\no=- 1 2 IN IP4 192.0.2.1\t\r\ns=-\r\nc=IN IP4 192.0.2.1  \r\nt=0 0\r\n"
                + "y=unknown line type\r\nb=AS:64\r\n\r\nm=audio 4000 RTP/AVP 0\r\n"
                + "a=x-vendor-thing\r\ni=audio stream\r\n\r\n";

        SessionDescription sdp = SdpParser.parse(sloppy);

        assertEquals("192.0.2.1", sdp.connectionAddress());
        assertEquals(List.of("x-vendor-thing"), sdp.media().get(0).otherAttributes());
    }

    @Test
    void toleratesMixedSpacingAndMissingSessionName() {
        SessionDescription sdp = SdpParser.parse("v=0\no=-  1 2 IN IP4 192.0.2.1\nc=IN IP4 192.0.2.1\n"
                + "m=audio  4000   RTP/AVP 0  8\n");

        assertEquals("-", sdp.sessionName());
        assertEquals(List.of(0, 8), sdp.media().get(0).payloadTypes());
    }

    @Test
    void keepsNonNumericFormatsWithoutCrashing() {
        SessionDescription sdp = SdpParser.parse(SdpFixtures.SIPP
                + "m=image 6002 udptl t38\na=T38FaxVersion:0\na=fmtp:t38 x\nm=application 9 TCP/BFCP *\n");

        MediaDescription image = sdp.media().get(1);
        assertEquals(List.of("t38"), image.formats());
        assertEquals(List.of(), image.payloadTypes());
        assertEquals(List.of("T38FaxVersion:0", "fmtp:t38 x"), image.otherAttributes());
        assertEquals(List.of("*"), sdp.media().get(2).formats());
    }

    @Test
    void parsesPortCountAndFractionalPtime() {
        MediaDescription audio = SdpParser.parse(
                SdpFixtures.SIPP.replace("6000 RTP", "6000/2 RTP") + "a=ptime:20.0\n").media().get(0);

        assertEquals(2, audio.portCount());
        assertEquals(OptionalInt.of(20), audio.ptime());
    }

    @Test
    void rejectedStreamNeedsNoConnection() {
        SessionDescription sdp = SdpParser.parse(
                "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\nc=IN IP4 192.0.2.1\n"
                        + "m=video 0 RTP/AVP 31\n");

        assertFalse(sdp.media().get(1).isActive());
        assertNull(sdp.connectionAddress());
    }

    @Test
    void acceptsLargestAllowedDescription() {
        StringBuilder many = new StringBuilder("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\n");
        for (int i = 0; i < SdpParser.MAX_MEDIA; i++) {
            many.append("m=audio ").append(4000 + 2 * i).append(" RTP/AVP 0\n");
        }

        assertEquals(SdpParser.MAX_MEDIA, SdpParser.parse(many.toString()).media().size());
    }

    @Test
    void rejectsNullAndEmptyBodies() {
        assertEquals("SDP body is empty", assertThrows(SdpException.class, () -> SdpParser.parse(null)).getMessage());
        assertEquals("SDP body is empty", assertThrows(SdpException.class, () -> SdpParser.parse(" \r\n"))
                .getMessage());
    }
}
