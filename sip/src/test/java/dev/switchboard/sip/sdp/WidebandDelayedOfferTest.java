package dev.switchboard.sip.sdp;

import static dev.switchboard.sip.sdp.WidebandFixtures.LOCAL;
import static dev.switchboard.sip.sdp.WidebandFixtures.OPUS_FMTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Our own offer with wideband codecs, and reading the peer's answer to it (RFC 3261 §13.2.1, RFC 3264 §6). */
class WidebandDelayedOfferTest {

    private static final SessionDescription OUR_OFFER = SdpNegotiator.offer(
            List.of(Codec.OPUS, Codec.G722, Codec.PCMU, Codec.COMFORT_NOISE), new WidebandFixtures.OpusParameters(),
            LOCAL);

    @Test
    void offerListsOpusG722PcmuBothTelephoneEventsAndComfortNoise() {
        assertEquals("""
                v=0\r
                o=- 1000 1 IN IP4 192.0.2.200\r
                s=-\r
                c=IN IP4 192.0.2.200\r
                t=0 0\r
                m=audio 20000 RTP/AVP 96 9 0 101 97 13\r
                a=rtpmap:96 opus/48000/2\r
                a=fmtp:96 %s\r
                a=rtpmap:9 G722/8000\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-16\r
                a=rtpmap:97 telephone-event/48000\r
                a=fmtp:97 0-16\r
                a=rtpmap:13 CN/8000\r
                a=ptime:20\r
                a=sendrecv\r
                """.formatted(OPUS_FMTP), SdpWriter.write(OUR_OFFER));
    }

    @Test
    void opusAloneGetsNoComfortNoiseAndNoFmtpWithoutParameters() {
        MediaDescription audio = SdpNegotiator.offer(List.of(Codec.OPUS, Codec.COMFORT_NOISE), LOCAL)
                .media().get(0);

        assertEquals(List.of("96", "101", "97"), audio.formats());
        assertEquals(Map.of(101, "0-16", 97, "0-16"), audio.fmtp());
    }

    @Test
    void comfortNoiseIsOfferedOnlyWhenSupported() {
        MediaDescription audio = SdpNegotiator.offer(List.of(Codec.G722, Codec.PCMU), LOCAL).media().get(0);

        assertEquals(List.of("9", "0", "101"), audio.formats());
    }

    @Test
    void ourOfferSurvivesTheWire() {
        assertEquals(OUR_OFFER, SdpParser.parse(SdpWriter.write(OUR_OFFER)));
    }

    @Test
    void acceptsAnAnswerPickingOpusAndReadsItsFmtpAndMaxptime() {
        SessionDescription answer = answer("RTP/AVP 96 97", """
                a=rtpmap:96 opus/48000/2
                a=fmtp:96 useinbandfec=1;stereo=0
                a=rtpmap:97 telephone-event/48000
                a=fmtp:97 0-15
                a=ptime:20
                a=maxptime:60
                """);

        Negotiation negotiation = SdpNegotiator.acceptAnswer(OUR_OFFER, answer);

        assertEquals(Codec.OPUS, negotiation.codec());
        assertEquals(96, negotiation.payloadType());
        assertEquals("useinbandfec=1;stereo=0", negotiation.peerFmtp());
        assertEquals(OptionalInt.of(60), negotiation.peerMaxptime());
        assertEquals(OptionalInt.of(20), negotiation.remotePtime());
        assertEquals(OptionalInt.of(97), negotiation.telephoneEventPayloadType());
        assertEquals(48000, negotiation.telephoneEventClockRate());
        assertEquals(OptionalInt.empty(), negotiation.comfortNoisePayloadType());
        assertEquals(answer, negotiation.answer());
    }

    @Test
    void answerMayNumberOpusItsOwnWay() {
        Negotiation negotiation = SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/AVP 111 101",
                "a=rtpmap:111 opus/48000/2\na=rtpmap:101 telephone-event/8000\n"));

        assertEquals(Codec.OPUS, negotiation.codec());
        assertEquals(111, negotiation.payloadType());
        assertEquals("", negotiation.peerFmtp());
        assertEquals(OptionalInt.empty(), negotiation.peerMaxptime());
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertEquals(8000, negotiation.telephoneEventClockRate(), "events at 8000 beside Opus are usable too");
    }

    @Test
    void acceptsG722WithComfortNoiseEvenWhenCnIsListedFirst() {
        Negotiation negotiation = SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/AVP 13 9 101",
                "a=rtpmap:101 telephone-event/8000\n"));

        assertEquals(Codec.G722, negotiation.codec());
        assertEquals(9, negotiation.payloadType());
        assertEquals(OptionalInt.of(13), negotiation.comfortNoisePayloadType());
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
    }

    @Test
    void comfortNoiseWeDidNotOfferIsIgnored() {
        SessionDescription withoutCn = SdpNegotiator.offer(List.of(Codec.PCMU), LOCAL);

        Negotiation negotiation = SdpNegotiator.acceptAnswer(withoutCn, answer("RTP/AVP 0 13", ""));

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(OptionalInt.empty(), negotiation.comfortNoisePayloadType());
    }

    @Test
    void telephoneEventAtARateWeDidNotOfferIsIgnored() {
        Negotiation negotiation = SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/AVP 96 98",
                "a=rtpmap:96 opus/48000/2\na=rtpmap:98 telephone-event/16000\n"));

        assertEquals(OptionalInt.empty(), negotiation.telephoneEventPayloadType());
        assertEquals(0, negotiation.telephoneEventClockRate());
    }

    @Test
    void telephoneEventAtTheVoiceRateIsIgnoredWhenOurOfferHadOnly8000() {
        SessionDescription opusWithEventsAt8000 = SdpParser.parse(SdpWriter.write(OUR_OFFER)
                .replace(" 101 97 13\r\n", " 101\r\n"));
        SessionDescription answer = answer("RTP/AVP 96 97 101", "a=rtpmap:96 opus/48000/2\n"
                + "a=rtpmap:97 telephone-event/48000\na=rtpmap:101 telephone-event/8000\n");

        Negotiation negotiation = SdpNegotiator.acceptAnswer(opusWithEventsAt8000, answer);

        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertEquals(8000, negotiation.telephoneEventClockRate());
    }

    @Test
    void answerWithOnlyComfortNoiseAndEventsHasNoCodecFromOurOffer() {
        NoCommonCodecException thrown = assertThrows(NoCommonCodecException.class,
                () -> SdpNegotiator.acceptAnswer(OUR_OFFER, answer("RTP/AVP 13 101",
                        "a=rtpmap:101 telephone-event/8000\n")));

        assertEquals("answer has no codec from our offer (answered: CN/8000, telephone-event/8000; offered: "
                + "opus/48000/2, G722/8000, PCMU/8000, telephone-event/8000, telephone-event/48000, CN/8000)",
                thrown.getMessage());
    }

    private static SessionDescription answer(String protocolAndFormats, String attributes) {
        return SdpParser.parse("v=0\no=- 5 5 IN IP4 198.51.100.9\ns=-\nc=IN IP4 198.51.100.9\nt=0 0\n"
                + "m=audio 16000 " + protocolAndFormats + "\n" + attributes);
    }
}
