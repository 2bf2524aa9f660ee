package dev.switchboard.sip.sdp;

import java.util.List;
import java.util.Objects;

/**
 * A parsed or built SDP session description (RFC 8866). The timing line is always {@code t=0 0} (an unbounded
 * session, RFC 3264 §5) and is not modelled.
 *
 * @param origin            the {@code o=} line
 * @param sessionName       the {@code s=} text
 * @param connectionAddress the session-level {@code c=} address, or null when every stream has its own
 * @param direction         the session-level direction attribute, or null when none
 * @param attributes        other session-level attribute lines, verbatim, without the leading {@code a=}
 * @param media             the media sections in order; answers have exactly as many as their offer
 */
public record SessionDescription(
        Origin origin,
        String sessionName,
        String connectionAddress,
        Direction direction,
        List<String> attributes,
        List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionName, "sessionName");
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /**
     * Where a stream's media go: its own {@code c=} address, which overrides the session-level one (RFC 8866 §5.7).
     *
     * @throws SdpException when neither level has one
     */
    public String connectionAddressOf(MediaDescription stream) {
        if (stream.connectionAddress() != null) {
            return stream.connectionAddress();
        }
        if (connectionAddress != null) {
            return connectionAddress;
        }
        throw new SdpException("media section " + (media.indexOf(stream) + 1) + " (" + stream.type()
                + ") has no c= line and there is no session-level c= line");
    }

    /**
     * A stream's effective direction: its own attribute, else the session-level one, else sendrecv
     * (RFC 8866 §6.7, RFC 3264 §5.1).
     */
    public Direction directionOf(MediaDescription stream) {
        if (stream.direction() != null) {
            return stream.direction();
        }
        return direction != null ? direction : Direction.SENDRECV;
    }
}
