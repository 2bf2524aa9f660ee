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
    /** DTMF events, RFC 4733 §7.1; not a voice codec, it rides beside one. */
    public static final Codec TELEPHONE_EVENT = new Codec("telephone-event", 8000, 1);

    public Codec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad codec " + name + "/" + clockRate + "/" + channels);
        }
    }

    /** Whether an rtpmap (explicit or static) describes this codec. */
    public boolean matches(RtpMap rtpMap) {
        return toRtpMap().sameEncoding(rtpMap);
    }

    /** The rtpmap value for this codec. */
    public RtpMap toRtpMap() {
        return new RtpMap(name, clockRate, channels);
    }

    /** The RFC 3551 static payload type of this codec (0 for PCMU, 8 for PCMA), if it has one. */
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
