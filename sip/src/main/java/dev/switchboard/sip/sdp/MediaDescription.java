package dev.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One media section: an {@code m=} line and the {@code c=} and {@code a=} lines under it (RFC 8866 §5.14).
 *
 * @param type              media type, e.g. {@code "audio"}, {@code "video"}, {@code "image"}
 * @param port              transport port; 0 marks a rejected or disabled stream (RFC 3264 §6)
 * @param portCount         number of ports from {@code <port>/<count>}; 1 when absent
 * @param protocol          transport protocol, e.g. {@code "RTP/AVP"}, {@code "RTP/SAVP"}, {@code "udptl"}
 * @param formats           the formats as listed on the m= line, in order (payload type numbers for RTP);
 *                          at least one
 * @param rtpMaps           explicit {@code a=rtpmap} lines by payload type
 * @param fmtp              {@code a=fmtp} parameters by payload type (the text after the payload type)
 * @param ptime             {@code a=ptime} in milliseconds, if given
 * @param direction         the media-level direction attribute, or null when none (session level then applies)
 * @param connectionAddress the media-level {@code c=} address, or null (session level then applies)
 * @param otherAttributes   every other attribute line, verbatim, without the leading {@code a=}; this includes
 *                          {@code a=maxptime}, read by {@link #maxptime()}
 */
public record MediaDescription(
        String type,
        int port,
        int portCount,
        String protocol,
        List<String> formats,
        Map<Integer, RtpMap> rtpMaps,
        Map<Integer, String> fmtp,
        OptionalInt ptime,
        Direction direction,
        String connectionAddress,
        List<String> otherAttributes) {

    private static final String MAXPTIME = "maxptime:";

    public MediaDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ptime, "ptime");
        formats = List.copyOf(formats);
        rtpMaps = Map.copyOf(rtpMaps);
        fmtp = Map.copyOf(fmtp);
        otherAttributes = List.copyOf(otherAttributes);
        if (port < 0 || port > SdpSyntax.MAX_PORT || portCount < 1) {
            throw new IllegalArgumentException("bad port " + port + "/" + portCount);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line lists at least one format (RFC 8866 §5.14)");
        }
    }

    /**
     * The numeric formats (RTP payload types 0-127) in m= line order; other formats, such as {@code t38} on an
     * {@code image} line, are left out.
     */
    public List<Integer> payloadTypes() {
        List<Integer> payloadTypes = new ArrayList<>(formats.size());
        for (String format : formats) {
            int value = SdpSyntax.parsePayloadType(format);
            if (value >= 0) {
                payloadTypes.add(value);
            }
        }
        return List.copyOf(payloadTypes);
    }

    /**
     * The encoding of a payload type: its explicit rtpmap, else the RFC 3551 static assignment (so an offer of
     * {@code RTP/AVP 0} without rtpmap means PCMU/8000), else empty.
     */
    public Optional<RtpMap> rtpMap(int payloadType) {
        RtpMap explicit = rtpMaps.get(payloadType);
        return explicit != null ? Optional.of(explicit) : RtpMap.staticAudio(payloadType);
    }

    /**
     * The {@code a=maxptime} value in milliseconds (RFC 8866 §6.5), if given: the longest packet the writer is willing
     * to receive. The line itself stays in {@link #otherAttributes()} as received; a malformed or zero value counts
     * as absent, because it only narrows what we may send and the {@code a=ptime} default of 20 ms fits any sane one.
     */
    public OptionalInt maxptime() {
        for (String attribute : otherAttributes) {
            if (attribute.startsWith(MAXPTIME)) {
                int milliseconds = SdpSyntax.parseMilliseconds(attribute.substring(MAXPTIME.length()).strip());
                return milliseconds > 0 ? OptionalInt.of(milliseconds) : OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** Whether the stream is enabled, i.e. its port is not 0 (RFC 3264 §5.1, §6). */
    public boolean isActive() {
        return port != 0;
    }
}
