package dev.switchboard.sip.sdp;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An RTP encoding that we can send and receive, matched against offers by name (ignoring case), clock rate and
 * channels. A list of codecs is the allow list and, for our own offers, the preference order.
 *
 * @param name      the encoding name as it appears in {@code a=rtpmap}, e.g. {@code "PCMU"}
 * @param clockRate the RTP clock rate in Hz
 * @param channels  the number of audio channels
 */
public record Codec(String name, int clockRate, int channels) {

    /** G.711 µ-law, RFC 3551 §4.5.14, static payload type 0. */
    public static final Codec PCMU = new Codec("PCMU", 8000, 1);
    /** G.711 A-law, RFC 3551 §4.5.14, static payload type 8. */
    public static final Codec PCMA = new Codec("PCMA", 8000, 1);
    /**
     * G.722, RFC 3551 §4.5.2, static payload type 9. It samples at 16 kHz but its RTP clock rate is 8000 Hz, an
     * error of RFC 1890 that RFC 3551 keeps for compatibility; so {@code G722/16000} in an offer is not this codec.
     */
    public static final Codec G722 = new Codec("G722", 8000, 1);
    /**
     * Opus, RFC 7587 §7: always {@code opus/48000/2} in the rtpmap, whatever rate and channel count the streams
     * actually use (those are fmtp parameters); no static payload type, so it rides on a dynamic one.
     */
    public static final Codec OPUS = new Codec("opus", 48000, 2);
    /** DTMF events, RFC 4733 §7.1.1, at the default 8000 Hz clock; not a voice codec, it rides beside one. */
    public static final Codec TELEPHONE_EVENT = new Codec("telephone-event", 8000, 1);
    /**
     * Comfort noise, RFC 3389, static payload type 13 (RFC 3551 §6, Table 4). Not a voice codec:
     * in a supported list it only says that we accept CN beside a voice codec with an 8000 Hz clock.
     */
    public static final Codec COMFORT_NOISE = new Codec("CN", 8000, 1);

    public Codec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad codec " + name + "/" + clockRate + "/" + channels);
        }
    }

    /**
     * RFC 4733 telephone-event at a clock rate; the rate should be the voice codec's (e.g. 48000 beside Opus), but
     * 8000 is the default that every endpoint knows.
     */
    public static Codec telephoneEvent(int clockRate) {
        return new Codec(TELEPHONE_EVENT.name, clockRate, 1);
    }

    /** Whether an rtpmap (explicit or static) describes this codec. */
    public boolean matches(RtpMap rtpMap) {
        return toRtpMap().sameEncoding(rtpMap);
    }

    /** The rtpmap value for this codec. */
    public RtpMap toRtpMap() {
        return new RtpMap(name, clockRate, channels);
    }

    /** The RFC 3551 static payload type of this codec (0 PCMU, 8 PCMA, 9 G722, 13 CN), if it has one. */
    public OptionalInt staticPayloadType() {
        for (int payloadType = 0; payloadType < SdpSyntax.FIRST_DYNAMIC_PAYLOAD_TYPE; payloadType++) {
            if (RtpMap.staticAudio(payloadType).filter(this::matches).isPresent()) {
                return OptionalInt.of(payloadType);
            }
        }
        return OptionalInt.empty();
    }

    /** As in an rtpmap and in error messages, e.g. {@code "PCMU/8000"}. */
    @Override
    public String toString() {
        return toRtpMap().encoding();
    }
}
