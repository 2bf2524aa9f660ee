package dev.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Parses an SDP body (RFC 8866) into a {@link SessionDescription}: strict where a mistake would mislead us
 * (version, origin, addresses, ports, rtpmap, ptime, sizes), tolerant of what real endpoints do that harms nobody
 * (LF or CRLF line endings, trailing whitespace, blank lines, unknown line types and attributes, missing rtpmap for
 * static payload types).
 *
 * <p>Every failure is an {@link SdpException} whose message names the line and what is wrong with it; nothing else
 * escapes, whatever the input.
 */
public final class SdpParser {

    /** Longest body accepted, in characters; far above any real offer, low enough to bound the work. */
    static final int MAX_LENGTH = 64 * 1024;
    static final int MAX_MEDIA = 64;
    static final int MAX_FORMATS = 256;

    private static final Pattern FIELD_SEPARATOR = Pattern.compile("[ \t]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    private int lineNumber;
    private Origin origin;
    private String sessionName;
    private String sessionConnection;
    private Direction sessionDirection;
    private final List<String> sessionAttributes = new ArrayList<>();
    private final List<MediaSection> media = new ArrayList<>();

    private SdpParser() {
    }

    /**
     * Parses one session description.
     *
     * @throws SdpException when the text is not a usable description; the message says why and where
     */
    public static SessionDescription parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SdpException("SDP body is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SdpException("SDP body is " + text.length() + " characters, more than the "
                    + MAX_LENGTH + " allowed");
        }
        return new SdpParser().run(LINE_BREAK.split(text, -1));
    }

    private SessionDescription run(String[] lines) {
        lineNumber = 1;
        String first = lines[0].stripTrailing();
        checkCharacters(first);
        if (!first.startsWith("v=")) {
            throw error("SDP must start with v=0, found " + SdpSyntax.quote(first));
        }
        if (!first.equals("v=0")) {
            throw error("unsupported SDP version " + SdpSyntax.quote(first) + ", expected v=0");
        }
        for (int i = 1; i < lines.length; i++) {
            lineNumber = i + 1;
            String line = lines[i].stripTrailing();
            if (!line.isEmpty()) {
                checkCharacters(line);
                parseLine(line);
            }
        }
        return build();
    }

    /** RFC 8866 §5: no NUL, CR or LF inside a line; other controls (but tab) have no business there either. */
    private void checkCharacters(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw error("control character 0x" + String.format("%02x", (int) c) + " at column " + (i + 1));
            }
        }
    }

    private void parseLine(String line) {
        if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
            throw error("expected <type>=<value>, found " + SdpSyntax.quote(line));
        }
        char type = line.charAt(0);
        String value = line.substring(2);
        MediaSection current = media.isEmpty() ? null : media.get(media.size() - 1);
        switch (type) {
            case 'v' -> throw error("second v= line");
            case 'm' -> media.add(parseMediaLine(value));
            case 'c' -> connectionLine(current, value);
            case 'a' -> attributeLine(current, value);
            case 'o' -> originLine(current, value);
            case 's' -> sessionNameLine(current, value);
            default -> {
                // t=, b=, i=, u=, e=, p=, z=, k=, r= and unknown types carry nothing we use (RFC 8866 §5).
            }
        }
    }

    private void originLine(MediaSection current, String value) {
        if (current != null) {
            throw error("o= line inside media section " + media.size() + "; it belongs before the first m= line");
        }
        if (origin != null) {
            throw error("second o= line");
        }
        String[] fields = fields(value);
        if (fields.length != 6) {
            throw error("o= line needs 6 fields (username sess-id sess-version nettype addrtype address), found "
                    + fields.length);
        }
        if (!SdpSyntax.isDigits(fields[1])) {
            throw error("o= line has non-numeric session id " + SdpSyntax.quote(fields[1]));
        }
        if (!SdpSyntax.isDigits(fields[2])) {
            throw error("o= line has non-numeric session version " + SdpSyntax.quote(fields[2]));
        }
        origin = new Origin(fields[0], fields[1], fields[2], fields[5]);
    }

    private void sessionNameLine(MediaSection current, String value) {
        if (current == null && sessionName != null) {
            throw error("second s= line");
        }
        if (current == null) {
            sessionName = value;
        }
    }

    private void connectionLine(MediaSection current, String value) {
        String address = parseConnection(value);
        if (current == null) {
            if (sessionConnection != null) {
                throw error("second session-level c= line");
            }
            sessionConnection = address;
        } else {
            if (current.connectionAddress != null) {
                throw error("second c= line in media section " + media.size());
            }
            current.connectionAddress = address;
        }
    }

    /** {@code c=IN IP4 <dotted quad>} or {@code c=IN IP6 <literal>} (RFC 8866 §5.7); no multicast, no names. */
    private String parseConnection(String value) {
        String[] fields = fields(value);
        if (fields.length != 3) {
            throw error("c= line needs 3 fields (nettype addrtype address), found " + fields.length);
        }
        if (!fields[0].equals("IN")) {
            throw error("c= line has unsupported network type " + SdpSyntax.quote(fields[0]) + ", expected IN");
        }
        String address = fields[2];
        switch (fields[1]) {
            case "IP4" -> {
                if (!SdpSyntax.isIpv4(address)) {
                    throw error("c= line has bad IPv4 address " + SdpSyntax.quote(address));
                }
            }
            case "IP6" -> {
                if (!SdpSyntax.isIpv6(address)) {
                    throw error("c= line has bad IPv6 address " + SdpSyntax.quote(address));
                }
            }
            default -> throw error("c= line has unsupported address type " + SdpSyntax.quote(fields[1])
                    + ", expected IP4 or IP6");
        }
        return address;
    }

    /** {@code m=<media> <port>[/<count>] <proto> <fmt> ...} (RFC 8866 §5.14). */
    private MediaSection parseMediaLine(String value) {
        if (media.size() == MAX_MEDIA) {
            throw error("more than " + MAX_MEDIA + " m= lines");
        }
        String[] fields = fields(value);
        if (fields.length < 4) {
            throw error("m= line needs at least 4 fields (media port proto fmt...), found " + fields.length);
        }
        int formatCount = fields.length - 3;
        if (formatCount > MAX_FORMATS) {
            throw error("m= line lists " + formatCount + " formats, more than the " + MAX_FORMATS + " allowed");
        }
        MediaSection section = new MediaSection(fields[0], fields[2]);
        String[] portAndCount = fields[1].split("/", 2);
        section.port = parseNumber(portAndCount[0], SdpSyntax.MAX_PORT, "port");
        if (portAndCount.length == 2) {
            section.portCount = parseNumber(portAndCount[1], SdpSyntax.MAX_PORT, "port count");
            if (section.portCount == 0) {
                throw error("m= line has port count 0");
            }
        }
        section.formats.addAll(List.of(fields).subList(3, fields.length));
        return section;
    }

    private int parseNumber(String token, int max, String what) {
        if (!SdpSyntax.isDigits(token)) {
            throw error("m= line has non-numeric " + what + " " + SdpSyntax.quote(token));
        }
        int value = SdpSyntax.parseUnsigned(token, max);
        if (value < 0) {
            throw error("m= line has " + what + " " + SdpSyntax.quote(token) + " out of range 0-" + max);
        }
        return value;
    }

    private void attributeLine(MediaSection current, String attribute) {
        int colon = attribute.indexOf(':');
        String name = colon < 0 ? attribute : attribute.substring(0, colon);
        String value = colon < 0 ? "" : attribute.substring(colon + 1);
        Direction direction = Direction.fromAttribute(attribute).orElse(null);
        if (current == null) {
            if (direction == null) {
                sessionAttributes.add(attribute);
            } else if (sessionDirection != null) {
                throw error("second session-level direction attribute " + SdpSyntax.quote(attribute));
            } else {
                sessionDirection = direction;
            }
            return;
        }
        if (direction != null) {
            if (current.direction != null) {
                throw error("second direction attribute " + SdpSyntax.quote(attribute)
                        + " in media section " + media.size());
            }
            current.direction = direction;
            return;
        }
        switch (name) {
            case "rtpmap" -> rtpMapAttribute(current, value);
            case "fmtp" -> fmtpAttribute(current, value, attribute);
            case "ptime" -> ptimeAttribute(current, value);
            default -> current.otherAttributes.add(attribute);
        }
    }

    /** {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 8866 §6.6). */
    private void rtpMapAttribute(MediaSection current, String value) {
        String[] parts = fields(value);
        String[] encoding = parts.length == 2 ? parts[1].split("/", -1) : new String[0];
        int payloadType = parts.length == 2 ? SdpSyntax.parsePayloadType(parts[0]) : -1;
        int clockRate = encoding.length >= 2 ? SdpSyntax.parseUnsigned(encoding[1], Integer.MAX_VALUE) : -1;
        int channels = encoding.length == 3 ? SdpSyntax.parseUnsigned(encoding[2], Integer.MAX_VALUE) : 1;
        if (payloadType < 0 || encoding.length > 3 || encoding[0].isEmpty() || clockRate <= 0 || channels <= 0) {
            throw error("malformed rtpmap " + SdpSyntax.quote(value)
                    + " (expected <payload type> <encoding>/<clock rate>[/<channels>])");
        }
        if (current.rtpMaps.containsKey(payloadType)) {
            throw error("second rtpmap for payload type " + payloadType + " in media section " + media.size());
        }
        current.rtpMaps.put(payloadType, new RtpMap(encoding[0], clockRate, channels));
    }

    /** {@code a=fmtp:<format> <parameters>} (RFC 8866 §6.15); kept verbatim unless the format is a payload type. */
    private void fmtpAttribute(MediaSection current, String value, String attribute) {
        String stripped = value.strip();
        int space = stripped.indexOf(' ');
        String format = space < 0 ? stripped : stripped.substring(0, space);
        String parameters = space < 0 ? "" : stripped.substring(space + 1).strip();
        int payloadType = SdpSyntax.parsePayloadType(format);
        if (payloadType < 0) {
            current.otherAttributes.add(attribute);
        } else if (current.fmtp.containsKey(payloadType)) {
            throw error("second fmtp for payload type " + payloadType + " in media section " + media.size());
        } else {
            current.fmtp.put(payloadType, parameters);
        }
    }

    /** {@code a=ptime:<milliseconds>} (RFC 8866 §6.4); a fraction, which some endpoints send, is rounded. */
    private void ptimeAttribute(MediaSection current, String value) {
        int milliseconds = SdpSyntax.parseMilliseconds(value.strip());
        if (milliseconds <= 0) {
            throw error("malformed ptime " + SdpSyntax.quote(value) + " (expected a positive number of milliseconds)");
        }
        if (current.ptime.isPresent()) {
            throw error("second ptime in media section " + media.size());
        }
        current.ptime = OptionalInt.of(milliseconds);
    }

    private SessionDescription build() {
        if (origin == null) {
            throw new SdpException("missing o= line");
        }
        if (media.isEmpty()) {
            throw new SdpException("missing m= line: the description has no media stream");
        }
        List<MediaDescription> streams = media.stream().map(MediaSection::build).toList();
        SessionDescription description = new SessionDescription(origin, sessionName == null ? "-" : sessionName,
                sessionConnection, sessionDirection, sessionAttributes, streams);
        for (MediaDescription stream : streams) {
            if (stream.isActive()) {
                description.connectionAddressOf(stream);
            }
        }
        return description;
    }

    private SdpException error(String message) {
        return new SdpException("line " + lineNumber + ": " + message);
    }

    private static String[] fields(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? new String[0] : FIELD_SEPARATOR.split(stripped);
    }

    /** A media section while its lines are being read. */
    private static final class MediaSection {
        private final String type;
        private final String protocol;
        private int port;
        private int portCount = 1;
        private final List<String> formats = new ArrayList<>();
        private final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        private final Map<Integer, String> fmtp = new HashMap<>();
        private OptionalInt ptime = OptionalInt.empty();
        private Direction direction;
        private String connectionAddress;
        private final List<String> otherAttributes = new ArrayList<>();

        private MediaSection(String type, String protocol) {
            this.type = type;
            this.protocol = protocol;
        }

        private MediaDescription build() {
            return new MediaDescription(type, port, portCount, protocol, formats, rtpMaps, fmtp, ptime,
                    direction, connectionAddress, otherAttributes);
        }
    }
}
