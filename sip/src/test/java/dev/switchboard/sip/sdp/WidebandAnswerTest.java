package dev.switchboard.sip.sdp;

import static dev.switchboard.sip.sdp.WidebandFixtures.LOCAL;
import static dev.switchboard.sip.sdp.WidebandFixtures.OPUS_FMTP;
import static dev.switchboard.sip.sdp.WidebandFixtures.WIDEBAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Answering wideband offers: G.722, Opus on dynamic payload types, preference, telephone-event rates, CN, fmtp. */
class WidebandAnswerTest {

    private static Negotiation answer(String offer, List<Codec> supported, Preference preference,
            FormatParameters fmtp) {
        return SdpNegotiator.answer(SdpParser.parse(SdpFixtures.crlf(offer)), supported, preference, fmtp, LOCAL);
    }

    private static Negotiation answer(String offer, List<Codec> supported) {
        return answer(offer, supported, Preference.OFFER, FormatParameters.NONE);
    }

    private static MediaDescription acceptedStream(Negotiation negotiation) {
        return negotiation.answer().media().stream().filter(MediaDescription::isActive).findFirst().orElseThrow();
    }

    @Test
    void g722ByStaticPayloadTypeWithoutRtpMap() {
        Negotiation negotiation = answer(WidebandFixtures.DESK_PHONE, List.of(Codec.G722, Codec.PCMU));

        assertEquals(Codec.G722, negotiation.codec());
        assertEquals(9, negotiation.payloadType());
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertEquals(8000, negotiation.telephoneEventClockRate());
        assertEquals(OptionalInt.empty(), negotiation.comfortNoisePayloadType());
        assertEquals("", negotiation.peerFmtp());
        assertTrue(negotiation.answerSdp().contains("m=audio 20000 RTP/AVP 9 101\r\na=rtpmap:9 G722/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n"), negotiation.answerSdp());
    }

    @Test
    void chromeLikeOpusOnDynamicTypeGetsOurFmtpAndEventsAt48000() {
        WidebandFixtures.OpusParameters fmtp = new WidebandFixtures.OpusParameters();

        Negotiation negotiation = answer(WidebandFixtures.CHROME_LIKE, WIDEBAND, Preference.OFFER, fmtp);

        assertEquals(Codec.OPUS, negotiation.codec());
        assertEquals(111, negotiation.payloadType());
        assertEquals("minptime=10;useinbandfec=1", negotiation.peerFmtp());
        assertEquals(OptionalInt.empty(), negotiation.peerMaxptime());
        assertEquals(OptionalInt.of(110), negotiation.telephoneEventPayloadType());
        assertEquals(48000, negotiation.telephoneEventClockRate());
        assertEquals(OptionalInt.empty(), negotiation.comfortNoisePayloadType(), "no CN beside a 48 kHz codec");
        assertEquals(Codec.OPUS, fmtp.answeredCodec);
        assertEquals("minptime=10;useinbandfec=1", fmtp.offeredFmtp);
        assertEquals(OptionalInt.empty(), fmtp.offeredMaxptime);
        assertEquals("""
                v=0\r
                o=- 1000 1 IN IP4 192.0.2.200\r
                s=-\r
                c=IN IP4 192.0.2.200\r
                t=0 0\r
                m=audio 20000 RTP/AVP 111 110\r
                a=rtpmap:111 opus/48000/2\r
                a=fmtp:111 %s\r
                a=rtpmap:110 telephone-event/48000\r
                a=ptime:20\r
                a=sendrecv\r
                """.formatted(OPUS_FMTP), negotiation.answerSdp());
    }

    @Test
    void baresipLikeOpusWithStereoFmtpFallsBackToEventsAt8000() {
        WidebandFixtures.OpusParameters fmtp = new WidebandFixtures.OpusParameters();

        Negotiation negotiation = answer(WidebandFixtures.BARESIP_LIKE, WIDEBAND, Preference.OFFER, fmtp);

        assertEquals(Codec.OPUS, negotiation.codec());
        assertEquals(96, negotiation.payloadType());
        assertEquals("stereo=1;sprop-stereo=1", negotiation.peerFmtp());
        assertEquals("stereo=1;sprop-stereo=1", fmtp.offeredFmtp);
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertEquals(8000, negotiation.telephoneEventClockRate());
        assertEquals(OptionalInt.of(20), negotiation.remotePtime());
        MediaDescription answered = acceptedStream(negotiation);
        assertEquals(List.of("96", "101"), answered.formats());
        assertEquals(Map.of(96, OPUS_FMTP, 101, "0-15"), answered.fmtp());
        assertEquals(new RtpMap("telephone-event", 8000, 1), answered.rtpMaps().get(101));
    }

    @Test
    void preferenceOfferTakesTheOffersFirstAndOursTakesOurFirst() {
        WidebandFixtures.OpusParameters fmtp = new WidebandFixtures.OpusParameters();

        Negotiation byOffer = answer(WidebandFixtures.CARRIER, WIDEBAND, Preference.OFFER, fmtp);
        Negotiation byUs = answer(WidebandFixtures.CARRIER, WIDEBAND, Preference.OURS, fmtp);

        assertEquals(Codec.PCMU, byOffer.codec());
        assertEquals(0, byOffer.payloadType());
        assertEquals(OptionalInt.of(101), byOffer.telephoneEventPayloadType());
        assertEquals(8000, byOffer.telephoneEventClockRate());
        assertEquals(List.of("0", "101"), acceptedStream(byOffer).formats());
        assertEquals(Codec.OPUS, byUs.codec());
        assertEquals(102, byUs.payloadType(), "the offer's payload type number, RFC 3264 §6.1");
        assertEquals(OptionalInt.of(103), byUs.telephoneEventPayloadType());
        assertEquals(48000, byUs.telephoneEventClockRate());
        assertEquals(List.of("102", "103"), acceptedStream(byUs).formats());
        assertEquals("useinbandfec=1; maxplaybackrate=48000; minptime=10", byUs.peerFmtp());
        assertEquals(OptionalInt.of(40), byUs.peerMaxptime());
        assertEquals(OptionalInt.of(40), fmtp.offeredMaxptime);
        assertTrue(byUs.answerSdp().contains("a=rtpmap:102 opus/48000/2\r\na=fmtp:102 " + OPUS_FMTP + "\r\n"),
                byUs.answerSdp());
    }

    @Test
    void preferenceOursFollowsOurListOrderNotJustTheFirstCodec() {
        List<Codec> g722First = List.of(Codec.G722, Codec.OPUS, Codec.PCMU);

        assertEquals(Codec.G722, answer(WidebandFixtures.CHROME_LIKE, g722First, Preference.OURS,
                FormatParameters.NONE).codec());
        assertEquals(Codec.OPUS, answer(WidebandFixtures.CHROME_LIKE, g722First, Preference.OFFER,
                FormatParameters.NONE).codec());
        assertEquals(Codec.PCMU, answer(WidebandFixtures.DESK_PHONE, List.of(Codec.OPUS, Codec.PCMU),
                Preference.OURS, FormatParameters.NONE).codec(), "Opus not offered: our next choice");
    }

    @Test
    void telephoneEventOnlyAtAnotherRateThanOursOr8000IsOmitted() {
        String offer = WidebandFixtures.BARESIP_LIKE.replace("telephone-event/8000", "telephone-event/16000");

        Negotiation negotiation = answer(offer, List.of(Codec.OPUS));

        assertEquals(OptionalInt.empty(), negotiation.telephoneEventPayloadType());
        assertEquals(0, negotiation.telephoneEventClockRate());
        assertEquals(List.of("96"), acceptedStream(negotiation).formats());
    }

    @Test
    void g711BesideEventsAtTwoRatesTakesThe8000One() {
        Negotiation negotiation = answer(WidebandFixtures.CHROME_LIKE, List.of(Codec.PCMA));

        assertEquals(OptionalInt.of(126), negotiation.telephoneEventPayloadType());
        assertEquals(8000, negotiation.telephoneEventClockRate());
    }

    @Test
    void comfortNoiseIsAcceptedOnlyBesideAn8000HzClockCodec() {
        Negotiation g722 = answer(WidebandFixtures.CHROME_LIKE, List.of(Codec.G722, Codec.COMFORT_NOISE));
        Negotiation opus = answer(WidebandFixtures.CHROME_LIKE, List.of(Codec.OPUS, Codec.COMFORT_NOISE));

        assertEquals(OptionalInt.of(13), g722.comfortNoisePayloadType());
        assertEquals(List.of("9", "126", "13"), acceptedStream(g722).formats());
        assertTrue(g722.answerSdp().contains("a=rtpmap:13 CN/8000\r\n"), g722.answerSdp());
        assertEquals(OptionalInt.empty(), opus.comfortNoisePayloadType());
        assertFalse(opus.answerSdp().contains("CN/"), opus.answerSdp());
    }

    @Test
    void comfortNoiseByStaticTypeOrDynamicRtpMap() {
        String dynamic = WidebandFixtures.DESK_PHONE.replace("RTP/AVP 9 0 13 101", "RTP/AVP 0 98 101")
                + "a=rtpmap:98 cn/8000\n";

        assertEquals(OptionalInt.of(13), answer(WidebandFixtures.DESK_PHONE,
                List.of(Codec.PCMU, Codec.COMFORT_NOISE)).comfortNoisePayloadType());
        assertEquals(OptionalInt.of(98), answer(dynamic, List.of(Codec.PCMU, Codec.COMFORT_NOISE))
                .comfortNoisePayloadType());
    }

    @Test
    void comfortNoiseNeedsToBeInTheSupportedList() {
        Negotiation negotiation = answer(WidebandFixtures.DESK_PHONE, List.of(Codec.G722));

        assertEquals(OptionalInt.empty(), negotiation.comfortNoisePayloadType());
        assertEquals(List.of("9", "101"), acceptedStream(negotiation).formats());
    }

    @Test
    void comfortNoiseIsNeverTheVoiceCodec() {
        String cnFirst = WidebandFixtures.DESK_PHONE.replace("RTP/AVP 9 0 13 101", "RTP/AVP 13 0");
        SessionDescription offer = SdpParser.parse(cnFirst);

        Negotiation negotiation = answer(cnFirst, List.of(Codec.COMFORT_NOISE, Codec.PCMU), Preference.OURS,
                FormatParameters.NONE);

        assertEquals(Codec.PCMU, negotiation.codec());
        assertEquals(OptionalInt.of(13), negotiation.comfortNoisePayloadType());
        assertThrows(IllegalArgumentException.class,
                () -> SdpNegotiator.answer(offer, List.of(Codec.COMFORT_NOISE), LOCAL));
    }

    @Test
    void emptyFormatParametersWriteNoFmtpLine() {
        Negotiation negotiation = answer(WidebandFixtures.CHROME_LIKE, WIDEBAND, Preference.OFFER,
                FormatParameters.NONE);

        assertEquals(Codec.OPUS, negotiation.codec());
        assertEquals("minptime=10;useinbandfec=1", negotiation.peerFmtp(), "the peer's fmtp is still reported");
        assertEquals(Map.of(), acceptedStream(negotiation).fmtp());
        assertFalse(negotiation.answerSdp().contains("a=fmtp:"), negotiation.answerSdp());
    }

    @Test
    void formatParametersThatWouldForgeLinesAreRefused() {
        FormatParameters forging = new FormatParameters() {
            @Override
            public String answer(Codec codec, String offeredFmtp, OptionalInt offeredMaxptime) {
                return "useinbandfec=1\r\na=sendonly";
            }

            @Override
            public String offer(Codec codec) {
                return "";
            }
        };

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> answer(WidebandFixtures.CHROME_LIKE, WIDEBAND, Preference.OFFER, forging));

        assertEquals("format parameters for opus/48000/2 must be one line without control characters, "
                + "got 'useinbandfec=1??a=sendonly'", thrown.getMessage());
    }

    @Test
    void encodingNamesMatchIgnoringCaseAndOurSpellingIsAnswered() {
        String shouting = WidebandFixtures.BARESIP_LIKE.replace("opus/48000/2", "OPUS/48000/2")
                .replace("telephone-event/8000", "Telephone-Event/8000");

        Negotiation negotiation = answer(shouting, List.of(Codec.OPUS));

        assertEquals(Codec.OPUS, negotiation.codec());
        assertEquals(OptionalInt.of(101), negotiation.telephoneEventPayloadType());
        assertTrue(negotiation.answerSdp().contains("a=rtpmap:96 opus/48000/2\r\n"), negotiation.answerSdp());
    }

    @Test
    void opusMustBeMappedWithTwoChannels() {
        String mono = WidebandFixtures.BARESIP_LIKE.replace("opus/48000/2", "opus/48000");

        assertEquals(Codec.G722, answer(mono, List.of(Codec.OPUS, Codec.G722)).codec());
    }

    @Test
    void negotiationKeepsTelephoneEventTypeAndClockRateTogether() {
        Negotiation valid = answer(WidebandFixtures.DESK_PHONE, List.of(Codec.PCMU));

        assertThrows(IllegalArgumentException.class, () -> new Negotiation(valid.answer(), Codec.PCMU, 0, "",
                OptionalInt.of(101), 0, OptionalInt.empty(), "192.0.2.90", 11780, OptionalInt.empty(),
                OptionalInt.empty(), Direction.SENDRECV));
        assertThrows(IllegalArgumentException.class, () -> new Negotiation(valid.answer(), Codec.PCMU, 0, "",
                OptionalInt.empty(), 8000, OptionalInt.empty(), "192.0.2.90", 11780, OptionalInt.empty(),
                OptionalInt.empty(), Direction.SENDRECV));
    }

    @Test
    void everyWidebandOfferSurvivesTheWireAndIsAnswered() {
        for (String offer : WidebandFixtures.ALL) {
            SessionDescription parsed = SdpParser.parse(offer);
            Negotiation negotiation = SdpNegotiator.answer(parsed, WIDEBAND, Preference.OURS,
                    new WidebandFixtures.OpusParameters(), LOCAL);

            assertEquals(parsed, SdpParser.parse(SdpWriter.write(parsed)), offer);
            assertEquals(negotiation.answer(), SdpParser.parse(negotiation.answerSdp()), offer);
        }
    }
}
