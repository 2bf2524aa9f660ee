package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Answering an offer (RFC 3264 §6). */
class SdpNegotiatorTest {

    private static final List<Codec> G711 = List.of(Codec.PCMU, Codec.PCMA);
    private static final LocalMedia LOCAL = new LocalMedia("192.0.2.200", 20000, 1000, 1);

    private static Negotiation answer(String offer) {
        return SdpNegotiator.answer(SdpParser.parse(SdpFixtures.crlf(offer)), G711, LOCAL);
    }

    private static MediaDescription acceptedStream(Negotiation negotiation) {
        return negotiation.answer().media().stream().filter(MediaDescription::isActive).findFirst().orElseThrow();
    }

    @Test
    void answersAsteriskOfferCompletely() {
        Negotiation negotiation = answer(SdpFixtures.ASTERISK);

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(0, negotiation.payloadType());
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertEquals("203.0.113.10", negotiation.remoteAddress());
        assertEquals(12742, negotiation.remotePort());
        assertEquals(OptionalInt.of(20), negotiation.remotePtime());
        assertEquals(Direction.SENDRECV, negotiation.direction());
        assertEquals("""
                v=0\r
                o=- 1000 1 IN IP4 192.0.2.200\r
                s=-\r
                c=IN IP4 192.0.2.200\r
                t=0 0\r
                m=audio 20000 RTP/AVP 0 101\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-16\r
                a=ptime:20\r
                a=sendrecv\r
                """, negotiation.answerSdp());
    }

    @Test
    void offerPreferenceWinsPcmaFirst() {
        Negotiation negotiation = answer(SdpFixtures.FREESWITCH);

        assertEquals(Codec.PCMA, negotiation.codec());
        assertEquals(8, negotiation.payloadType());
        assertEquals(List.of("8", "101"), acceptedStream(negotiation).formats());
    }

    @Test
    void offerPreferenceWinsOverOurListOrder() {
        SessionDescription offer = SdpParser.parse(SdpFixtures.ASTERISK);

        Negotiation negotiation = SdpNegotiator.answer(offer, List.of(Codec.PCMA, Codec.PCMU), LOCAL);

        assertEquals(Codec.PCMU, negotiation.codec());
    }

    @Test
    void supportedListIsAnAllowList() {
        SessionDescription offer = SdpParser.parse(SdpFixtures.ASTERISK);

        Negotiation negotiation = SdpNegotiator.answer(offer, List.of(Codec.PCMA), LOCAL);

        assertEquals(Codec.PCMA, negotiation.codec());
        assertEquals(8, negotiation.payloadType());
        assertEquals(Map.of(8, new RtpMap("PCMA", 8000, 1), 101, new RtpMap("telephone-event", 8000, 1)),
                acceptedStream(negotiation).rtpMaps());
    }

    @Test
    void sippOfferWithoutTelephoneEventGetsNone() {
        Negotiation negotiation = answer(SdpFixtures.SIPP);

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(OptionalInt.empty(), negotiation.telephoneEventPayloadType());
        assertEquals(OptionalInt.empty(), negotiation.remotePtime());
        MediaDescription answered = acceptedStream(negotiation);
        assertEquals(List.of("0"), answered.formats());
        assertEquals(Map.of(0, new RtpMap("PCMU", 8000, 1)), answered.rtpMaps());
        assertEquals(Map.of(), answered.fmtp());
        assertEquals(OptionalInt.of(20), answered.ptime());
    }

    @Test
    void baresipSkipsOpusAndEchoesItsEventRange() {
        Negotiation negotiation = answer(SdpFixtures.BARESIP);

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(Map.of(101, "0-15"), acceptedStream(negotiation).fmtp());
        assertTrue(negotiation.answerSdp().contains("a=fmtp:101 0-15\r\n"), negotiation.answerSdp());
    }

    @Test
    void twilioAnswerKeepsItsTelephoneEvent() {
        Negotiation negotiation = answer(SdpFixtures.TWILIO);

        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertTrue(negotiation.answerSdp().contains("m=audio 20000 RTP/AVP 0 101\r\n"), negotiation.answerSdp());
    }

    @Test
    void linphoneTelephoneEventAt8000HzKeepsTheOffersPayloadTypeAndVideoIsRejected() {
        Negotiation negotiation = answer(SdpFixtures.LINPHONE);

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(OptionalInt.of(100), negotiation.telephoneEventPayloadType());
        MediaDescription audio = negotiation.answer().media().get(0);
        assertEquals(List.of("0", "100"), audio.formats());
        assertEquals(Map.of(), audio.fmtp());
        assertEquals(new MediaDescription("video", 0, 1, "RTP/AVP", List.of("96"), Map.of(), Map.of(),
                OptionalInt.empty(), null, null, List.of()), negotiation.answer().media().get(1));
    }

    @Test
    void telephoneEventOnlyAtOtherRatesIsOmitted() {
        String offer = SdpFixtures.SIPP.replace("RTP/AVP 0", "RTP/AVP 0 101") + "a=rtpmap:101 telephone-event/16000\n";

        Negotiation negotiation = answer(offer);

        assertEquals(OptionalInt.empty(), negotiation.telephoneEventPayloadType());
        assertEquals(List.of("0"), acceptedStream(negotiation).formats());
    }

    @Test
    void malformedEventRangeIsReplacedByOurs() {
        Negotiation negotiation = answer(SdpFixtures.TWILIO.replace("a=fmtp:101 0-16", "a=fmtp:101 all please"));

        assertEquals(Map.of(101, "0-16"), acceptedStream(negotiation).fmtp());
    }

    @Test
    void videoFirstOfferKeepsMediaLineCountAndOrder() {
        Negotiation negotiation = answer(SdpFixtures.VIDEO_FIRST);

        List<MediaDescription> media = negotiation.answer().media();
        assertEquals(2, media.size());
        assertEquals("video", media.get(0).type());
        assertEquals(0, media.get(0).port());
        assertEquals(List.of("96"), media.get(0).formats());
        assertEquals("audio", media.get(1).type());
        assertEquals(20000, media.get(1).port());
        assertEquals(Codec.PCMA, negotiation.codec());
        assertEquals(5000, negotiation.remotePort());
        assertTrue(negotiation.answerSdp().contains("t=0 0\r\nm=video 0 RTP/AVP 96\r\nm=audio 20000 RTP/AVP 8 101\r\n"),
                negotiation.answerSdp());
    }

    @Test
    void acceptsOnlyTheFirstUsableAudioStreamAndRejectsTheRest() {
        String offer = SdpFixtures.SIPP.replace("m=audio 6000 RTP/AVP 0\n", """
                m=audio 0 RTP/AVP 0
                m=audio 6000 RTP/AVP 18
                m=audio 6002 RTP/AVP 8
                m=image 6004 udptl t38
                m=audio 6006 RTP/AVP 0
                """).replace("a=rtpmap:0 PCMU/8000\n", "");

        Negotiation negotiation = answer(offer);

        List<MediaDescription> media = negotiation.answer().media();
        assertEquals(List.of(0, 0, 20000, 0, 0), media.stream().map(MediaDescription::port).toList());
        assertEquals(List.of("0", "18", "8", "t38", "0"), media.stream().map(m -> m.formats().get(0)).toList());
        assertEquals("udptl", media.get(3).protocol());
        assertEquals(6002, negotiation.remotePort());
        assertEquals(Codec.PCMA, negotiation.codec());
        assertEquals(SdpParser.parse(negotiation.answerSdp()), negotiation.answer());
    }

    @Test
    void ipv6OfferIsAnsweredWithOurAddress() {
        Negotiation negotiation = SdpNegotiator.answer(SdpParser.parse(SdpFixtures.IPV6), G711,
                new LocalMedia("2001:db8::200", 20000, 9, 9));

        assertEquals("2001:db8::7", negotiation.remoteAddress());
        assertTrue(negotiation.answerSdp()
                .contains("o=- 9 9 IN IP6 2001:db8::200\r\ns=-\r\nc=IN IP6 2001:db8::200\r\n"),
                negotiation.answerSdp());
    }

    @Test
    void remoteAddressComesFromMediaLevelConnection() {
        assertEquals("203.0.113.99", answer(SdpFixtures.MEDIA_LEVEL_CONNECTION).remoteAddress());
    }

    @Test
    void legacyHoldAddressIsPreservedAndDirectionReversed() {
        Negotiation negotiation = answer(SdpFixtures.LEGACY_HOLD);

        assertEquals("0.0.0.0", negotiation.remoteAddress());
        assertEquals(Direction.RECVONLY, negotiation.direction());
        assertEquals(Direction.RECVONLY, acceptedStream(negotiation).direction());
        assertTrue(negotiation.answerSdp().endsWith("a=recvonly\r\n"), negotiation.answerSdp());
    }

    @Test
    void directionIsReversedForEveryOfferedDirection() {
        assertEquals(Direction.SENDRECV, answerDirection(""));
        assertEquals(Direction.SENDRECV, answerDirection("a=sendrecv\n"));
        assertEquals(Direction.RECVONLY, answerDirection("a=sendonly\n"));
        assertEquals(Direction.SENDONLY, answerDirection("a=recvonly\n"));
        assertEquals(Direction.INACTIVE, answerDirection("a=inactive\n"));
    }

    @Test
    void sessionLevelDirectionIsReversedToo() {
        Negotiation negotiation = answer(SdpFixtures.SIPP.replace("t=0 0\n", "t=0 0\na=sendonly\n"));

        assertEquals(Direction.RECVONLY, negotiation.direction());
        assertNull(negotiation.answer().direction());
        assertEquals(Direction.RECVONLY, acceptedStream(negotiation).direction());
    }

    @Test
    void telephoneEventInSupportedListIsNeverChosenAsVoice() {
        String offer = SdpFixtures.TWILIO.replace("RTP/AVP 0 101", "RTP/AVP 101 0");

        Negotiation negotiation = SdpNegotiator.answer(SdpParser.parse(offer),
                List.of(Codec.TELEPHONE_EVENT, Codec.PCMU), LOCAL);

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
    }

    @Test
    void refusesASupportedListWithoutVoiceCodec() {
        SessionDescription offer = SdpParser.parse(SdpFixtures.SIPP);

        assertThrows(IllegalArgumentException.class, () -> SdpNegotiator.answer(offer, List.of(), LOCAL));
        assertThrows(IllegalArgumentException.class,
                () -> SdpNegotiator.answer(offer, List.of(Codec.TELEPHONE_EVENT), LOCAL));
    }

    @Test
    void changedAnswerToAReofferCarriesTheCallersNewVersion() {
        Negotiation first = answer(SdpFixtures.ASTERISK);
        Negotiation second = SdpNegotiator.answer(SdpParser.parse(SdpFixtures.LEGACY_HOLD), G711,
                new LocalMedia("192.0.2.200", 20000, 1000, 2));

        assertEquals("1", first.answer().origin().sessionVersion());
        assertEquals(new Origin("-", "1000", "2", "192.0.2.200"), second.answer().origin());
    }

    private static Direction answerDirection(String attribute) {
        return acceptedStream(answer(SdpFixtures.SIPP + attribute)).direction();
    }
}
