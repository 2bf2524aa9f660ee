package dev.switchboard.sip.sdp;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of one offer/answer exchange (RFC 3264): what to send where, and the answer that settled it.
 *
 * @param answer                    the exchange's answer: ours when we answered an offer, the peer's when it
 *                                  answered our (delayed) offer
 * @param codec                     the voice codec to send and receive
 * @param payloadType               its RTP payload type as the answer lists it
 * @param peerFmtp                  the fmtp parameters the peer gave for that payload type (in its offer when we
 *                                  answered, in its answer to our offer), {@code ""} when none; peer input
 * @param telephoneEventPayloadType the RFC 4733 telephone-event payload type, if both sides use it
 * @param telephoneEventClockRate   its RTP clock rate, e.g. 48000 beside Opus or 8000; 0 when there is none
 * @param comfortNoisePayloadType   the RFC 3389 comfort noise payload type (usually 13) the peer may send, if both
 *                                  sides listed it; only beside a voice codec with an 8000 Hz clock
 * @param remoteAddress             where to send RTP: the stream's {@code c=}, else the session's; {@code 0.0.0.0}
 *                                  means the peer holds the call the old way (RFC 3264 §8.4)
 * @param remotePort                the peer's RTP port
 * @param remotePtime               the packet time the peer asked for, if it did
 * @param peerMaxptime              the longest packet time the peer accepts ({@code a=maxptime}), if it said
 * @param direction                 the negotiated direction from our side, e.g. RECVONLY when the peer only sends
 */
public record Negotiation(
        SessionDescription answer,
        Codec codec,
        int payloadType,
        String peerFmtp,
        OptionalInt telephoneEventPayloadType,
        int telephoneEventClockRate,
        OptionalInt comfortNoisePayloadType,
        String remoteAddress,
        int remotePort,
        OptionalInt remotePtime,
        OptionalInt peerMaxptime,
        Direction direction) {

    public Negotiation {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(peerFmtp, "peerFmtp");
        Objects.requireNonNull(telephoneEventPayloadType, "telephoneEventPayloadType");
        Objects.requireNonNull(comfortNoisePayloadType, "comfortNoisePayloadType");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(remotePtime, "remotePtime");
        Objects.requireNonNull(peerMaxptime, "peerMaxptime");
        Objects.requireNonNull(direction, "direction");
        if (telephoneEventPayloadType.isPresent() != (telephoneEventClockRate > 0) || telephoneEventClockRate < 0) {
            throw new IllegalArgumentException("telephone-event clock rate " + telephoneEventClockRate
                    + " does not fit payload type " + telephoneEventPayloadType);
        }
    }

    /** The answer as SDP text, ready for the body of a 200 OK. */
    public String answerSdp() {
        return SdpWriter.write(answer);
    }
}
