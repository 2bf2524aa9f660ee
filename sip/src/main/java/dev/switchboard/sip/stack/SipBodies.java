package dev.switchboard.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/** Reads the bodies of in-dialog requests this server understands: DTMF in INFO, sipfrag in NOTIFY. */
public final class SipBodies {

    private static final Pattern RELAY_SIGNAL = Pattern.compile("(?im)^\\s*Signal\\s*=\\s*([0-9*#A-Da-d])\\s*$");
    private static final Pattern BARE_DIGIT = Pattern.compile("^\\s*([0-9*#A-Da-d])\\s*$");

    private SipBodies() {}

    /**
     * The key in a DTMF INFO: {@code application/dtmf-relay} ({@code Signal=5}, the Cisco format most trunks
     * send) or {@code application/dtmf} (the bare digit). Empty for anything else.
     */
    public static Optional<Character> dtmfDigit(Request info) {
        String type = contentType(info);
        Pattern pattern = switch (type) {
            case "application/dtmf-relay" -> RELAY_SIGNAL;
            case "application/dtmf" -> BARE_DIGIT;
            default -> null;
        };
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher digit = pattern.matcher(body(info));
        return digit.find() ? Optional.of(Character.toUpperCase(digit.group(1).charAt(0))) : Optional.empty();
    }

    /** The {@code message/sipfrag} body of a NOTIFY (RFC 3420), or {@code null}. */
    public static String sipfrag(Request notify) {
        return "message/sipfrag".equals(contentType(notify)) ? body(notify) : null;
    }

    /** The {@code application/sdp} body of a request (a re-INVITE's offer), or {@code null}. */
    public static String sdp(Request request) {
        return "application/sdp".equals(contentType(request)) ? body(request) : null;
    }

    private static String contentType(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type == null ? "" : (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
    }

    private static String body(Request request) {
        byte[] raw = request.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }
}
