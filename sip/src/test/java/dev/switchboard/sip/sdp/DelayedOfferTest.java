package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** INVITE without SDP: our offer goes in the 200 OK, the peer's answer comes in the ACK (RFC 3261 §13.2.1). */
class DelayedOfferTest {

    private static final LocalMedia LOCAL = new LocalMedia("192.0.2.200", 20000, 1000, 1);
    private static final SessionDescription OUR_OFFER =
            SdpNegotiator.offer(List.of(Codec.PCMU, Codec.PCMA), LOCAL);

    @Test
    void offerListsSupportedCodecsInOrderThenTelephoneEvent() {
        assertEquals("""
                v=0\r
                o=- 1000 1 IN IP4 192.0.2.200\r
                s=-\r
                c=IN IP4 192.0.2.200\r
                t=0 0\r
                m=audio 20000 RTP/AVP 0 8 101\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-16\r
                a=ptime:20\r
                a=sendrecv\r
                """, SdpWriter.write(OUR_OFFER));
    }

    @Test
    void offerFollowsOurPreferenceOrder() {
        SessionDescription offer = SdpNegotiator.offer(List.of(Codec.PCMA, Codec.PCMU), LOCAL);

        assertEquals(List.of("8", "0", "101"), offer.media().get(0).formats());
    }

    @Test
    void codecsWithoutStaticTypeGetDynamicOnesAvoidingTelephoneEvent() {
        List<Codec> supported = List.of(Codec.PCMU);
        for (int i = 0; i < 6; i++) {
            supported = new ArrayList<>(supported);
            supported.add(new Codec("X" + i, 8000, 1));
        }

        MediaDescription audio = SdpNegotiator.offer(supported, LOCAL).media().get(0);

        assertEquals(List.of("0", "96", "97", "98", "99", "100", "102", "101"), audio.formats());
        assertEquals(new RtpMap("X5", 8000, 1), audio.rtpMaps().get(102));
    }

    @Test
    void acceptsAnAsteriskStyleAnswer() {
        SessionDescription answer = SdpParser.parse("""
                v=0
                o=- 55 55 IN IP4 203.0.113.10
                s=Asterisk
                c=IN IP4 203.0.113.10
                t=0 0
                m=audio 14000 RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:30
                a=sendrecv
                """);

        Negotiation negotiation = SdpNegotiator.acceptAnswer(OUR_OFFER, answer);

        assertEquals(Codec.PCMA, negotiation.codec());
        assertEquals(8, negotiation.payloadType());
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertEquals("203.0.113.10", negotiation.remoteAddress());
        assertEquals(14000, negotiation.remotePort());
        assertEquals(OptionalInt.of(30), negotiation.remotePtime());
        assertEquals(Direction.SENDRECV, negotiation.direction());
        assertEquals(answer, negotiation.answer());
    }

    @Test
    void answerWithoutRtpMapsAndDifferentEventTypeIsRead() {
        Negotiation negotiation = SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/AVP 0 96",
                "a=rtpmap:96 telephone-event/8000\na=recvonly\n"));

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(OptionalInt.of(96), negotiation.telephoneEventPayloadType());
        assertEquals(Direction.SENDONLY, negotiation.direction());
        assertEquals(OptionalInt.empty(), negotiation.remotePtime());
    }

    @Test
    void firstAnsweredFormatThatWeOfferedWins() {
        Negotiation negotiation = SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/AVP 18 8 0", ""));

        assertEquals(Codec.PCMA, negotiation.codec());
        assertEquals(OptionalInt.empty(), negotiation.telephoneEventPayloadType());
    }

    @Test
    void answerWithNothingWeOfferedIsRefused() {
        NoCommonCodecException thrown = assertThrows(NoCommonCodecException.class,
                () -> SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/AVP 18 101",
                        "a=rtpmap:101 telephone-event/8000\n")));

        assertEquals("answer has no codec from our offer (answered: G729/8000, telephone-event/8000; "
                + "offered: PCMU/8000, PCMA/8000, telephone-event/8000)", thrown.getMessage());
    }

    @Test
    void rejectedAudioStreamIsRefused() {
        SessionDescription rejected = SdpParser.parse("v=0\no=- 1 1 IN IP4 203.0.113.10\ns=-\nt=0 0\n"
                + "m=audio 0 RTP/AVP 0\n");

        NoCommonCodecException thrown = assertThrows(NoCommonCodecException.class,
                () -> SdpNegotiator.acceptAnswer(OUR_OFFER, rejected));

        assertEquals("answer rejected the audio stream (port 0)", thrown.getMessage());
    }

    @Test
    void answerWithWrongMediaLineCountIsMalformed() {
        SessionDescription twoStreams = SdpParser.parse(SdpFixtures.VIDEO_FIRST);

        SdpException thrown = assertThrows(SdpException.class,
                () -> SdpNegotiator.acceptAnswer(OUR_OFFER, twoStreams));

        assertEquals("answer has 2 m= lines but the offer had 1 (RFC 3264 §6)", thrown.getMessage());
    }

    @Test
    void answerChangingMediaTypeOrProtocolIsMalformed() {
        SdpException savp = assertThrows(SdpException.class,
                () -> SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/SAVP 0", "")));
        SdpException video = assertThrows(SdpException.class, () -> SdpNegotiator.acceptAnswer(OUR_OFFER,
                SdpParser.parse(SdpFixtures.SIPP.replace("m=audio", "m=video"))));

        assertEquals("answer's m= line 1 is audio RTP/SAVP but the offer's is audio RTP/AVP", savp.getMessage());
        assertEquals("answer's m= line 1 is video RTP/AVP but the offer's is audio RTP/AVP", video.getMessage());
    }

    @Test
    void ourOfferSurvivesTheWire() {
        assertEquals(OUR_OFFER, SdpParser.parse(SdpWriter.write(OUR_OFFER)));
    }

    private static SessionDescription answer(String protocolAndFormats, String attributes) {
        return SdpParser.parse("v=0\no=- 5 5 IN IP4 198.51.100.9\ns=-\nc=IN IP4 198.51.100.9\nt=0 0\n"
                + "m=audio 16000 " + protocolAndFormats + "\n" + attributes);
    }
}
