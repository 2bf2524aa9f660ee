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
 * @param telephoneEventPayloadType the RFC 4733 telephone-event payload type, if both sides use it
 * @param remoteAddress             where to send RTP: the stream's {@code c=}, else the session's; {@code 0.0.0.0}
 *                                  means the peer holds the call the old way (RFC 3264 §8.4)
 * @param remotePort                the peer's RTP port
 * @param remotePtime               the packet time the peer asked for, if it did
 * @param direction                 the negotiated direction from our side, e.g. RECVONLY when the peer only sends
 */
public record Negotiation(
        SessionDescription answer,
        Codec codec,
        int payloadType,
        OptionalInt telephoneEventPayloadType,
        String remoteAddress,
        int remotePort,
        OptionalInt remotePtime,
        Direction direction) {

    public Negotiation {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(telephoneEventPayloadType, "telephoneEventPayloadType");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(remotePtime, "remotePtime");
        Objects.requireNonNull(direction, "direction");
    }

    /** The answer as SDP text, ready for the body of a 200 OK. */
    public String answerSdp() {
        return SdpWriter.write(answer);
    }
}
