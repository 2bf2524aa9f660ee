package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Offers we cannot accept: the message tells the SIP layer (and the peer, via Warning) what went wrong. */
class NoCommonCodecTest {

    private static final LocalMedia LOCAL = new LocalMedia("192.0.2.200", 20000, 1000, 1);

    private static String refusal(String offer, List<Codec> supported) {
        SessionDescription parsed = SdpParser.parse(offer);
        return assertThrows(NoCommonCodecException.class, () -> SdpNegotiator.answer(parsed, supported, LOCAL))
                .getMessage();
    }

    @Test
    void namesOfferedAndSupportedCodecs() {
        assertEquals("offer has no supported audio codec (offered: G729/8000, GSM/8000; "
                + "supported: PCMU/8000, PCMA/8000)",
                refusal(SdpFixtures.G729_GSM_ONLY, List.of(Codec.PCMU, Codec.PCMA)));
    }

    @Test
    void namesUnmappedDynamicAndNonNumericFormats() {
        String offer = SdpFixtures.G729_GSM_ONLY.replace("RTP/AVP 18 3", "RTP/AVP 97 101 98")
                + "a=rtpmap:101 telephone-event/8000\na=rtpmap:98 iLBC/8000\n";

        assertEquals("offer has no supported audio codec (offered: payload type 97 without rtpmap, "
                + "telephone-event/8000, iLBC/8000; supported: PCMA/8000)", refusal(offer, List.of(Codec.PCMA)));
    }

    @Test
    void pcmuOfferWithOnlyPcmaSupportedIsRefused() {
        assertEquals("offer has no supported audio codec (offered: PCMU/8000; supported: PCMA/8000)",
                refusal(SdpFixtures.SIPP, List.of(Codec.PCMA)));
    }

    @Test
    void srtpOnlyOfferSaysSrtpIsNotSupported() {
        String message = refusal(SdpFixtures.SRTP_ONLY, List.of(Codec.PCMU, Codec.PCMA));

        assertEquals("SRTP is not supported: offer's audio uses RTP/SAVP, only RTP/AVP is accepted", message);
        assertFalse(message.contains("inline:"), "no key material in the message");
    }

    @Test
    void dtlsSrtpOfferSaysSrtpIsNotSupported() {
        String offer = SdpFixtures.SRTP_ONLY.replace("RTP/SAVP", "UDP/TLS/RTP/SAVPF");

        assertTrue(refusal(offer, List.of(Codec.PCMU)).startsWith("SRTP is not supported: "));
    }

    @Test
    void otherTransportIsNamed() {
        String offer = SdpFixtures.SIPP.replace("RTP/AVP", "RTP/AVPF");

        assertEquals("unsupported transport: offer's audio uses RTP/AVPF, only RTP/AVP is accepted",
                refusal(offer, List.of(Codec.PCMU)));
    }

    @Test
    void offerWithoutAudioNamesItsMediaLines() {
        String offer = SdpFixtures.VIDEO_FIRST.replace("m=audio 5000", "m=audio 0");

        assertEquals("offer has no active audio stream (m= lines: video 5002 RTP/AVP, audio 0 RTP/AVP)",
                refusal(offer, List.of(Codec.PCMU)));
    }

    @Test
    void cutsALongListOfOfferedFormats() {
        StringBuilder formats = new StringBuilder();
        StringBuilder maps = new StringBuilder();
        for (int payloadType = 96; payloadType < 116; payloadType++) {
            formats.append(' ').append(payloadType);
            maps.append("a=rtpmap:").append(payloadType).append(" X").append(payloadType).append("/8000\n");
        }
        String offer = SdpFixtures.G729_GSM_ONLY.replace("RTP/AVP 18 3", "RTP/AVP" + formats) + maps;

        String message = refusal(offer, List.of(Codec.PCMU));

        assertTrue(message.contains("X107/8000 and 8 more; supported: PCMU/8000)"), message);
    }
}
