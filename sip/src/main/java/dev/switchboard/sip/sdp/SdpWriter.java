package dev.switchboard.sip.sdp;

/**
 * Writes a {@link SessionDescription} as SDP text: CRLF line endings and the line order of RFC 8866 §5
 * ({@code v o s c t a*}, then per stream {@code m c a*}), with {@code t=0 0} for an unbounded session
 * (RFC 3264 §5). In a media section the attributes go rtpmap and fmtp per format in m= line order, then ptime,
 * then the others verbatim, then the direction. Rtpmap and fmtp entries for formats the m= line does not list are
 * not written.
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /** The description as SDP text, ready for a SIP body ({@code Content-Type: application/sdp}). */
    public static String write(SessionDescription description) {
        StringBuilder sdp = new StringBuilder(512);
        Origin origin = description.origin();
        line(sdp, "v=0");
        line(sdp, "o=" + origin.username() + " " + origin.sessionId() + " " + origin.sessionVersion()
                + " IN " + SdpSyntax.addressType(origin.address()) + " " + origin.address());
        line(sdp, "s=" + (description.sessionName().isBlank() ? "-" : description.sessionName()));
        connection(sdp, description.connectionAddress());
        line(sdp, "t=0 0");
        description.attributes().forEach(attribute -> line(sdp, "a=" + attribute));
        direction(sdp, description.direction());
        description.media().forEach(stream -> media(sdp, stream));
        return sdp.toString();
    }

    private static void media(StringBuilder sdp, MediaDescription stream) {
        String port = stream.portCount() == 1 ? "" + stream.port() : stream.port() + "/" + stream.portCount();
        line(sdp, "m=" + stream.type() + " " + port + " " + stream.protocol() + " "
                + String.join(" ", stream.formats()));
        connection(sdp, stream.connectionAddress());
        for (int payloadType : stream.payloadTypes().stream().distinct().toList()) {
            RtpMap rtpMap = stream.rtpMaps().get(payloadType);
            if (rtpMap != null) {
                line(sdp, "a=rtpmap:" + payloadType + " " + rtpMap.encoding());
            }
            String parameters = stream.fmtp().get(payloadType);
            if (parameters != null) {
                line(sdp, "a=fmtp:" + payloadType + (parameters.isEmpty() ? "" : " " + parameters));
            }
        }
        stream.ptime().ifPresent(ptime -> line(sdp, "a=ptime:" + ptime));
        stream.otherAttributes().forEach(attribute -> line(sdp, "a=" + attribute));
        direction(sdp, stream.direction());
    }

    private static void connection(StringBuilder sdp, String address) {
        if (address != null) {
            line(sdp, "c=IN " + SdpSyntax.addressType(address) + " " + address);
        }
    }

    private static void direction(StringBuilder sdp, Direction direction) {
        if (direction != null) {
            line(sdp, "a=" + direction.attribute());
        }
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append(CRLF);
    }
}
