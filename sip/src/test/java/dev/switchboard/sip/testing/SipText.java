package dev.switchboard.sip.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP message as text, parsed just enough for tests: start line, headers (case-insensitive, compact forms
 * expanded) and body. Written independently of JAIN-SIP, so tests do not check the server with its own parser.
 */
public record SipText(String startLine, Map<String, List<String>> headers, String body) {

    private static final Map<String, String> COMPACT = Map.of(
            "v", "via", "f", "from", "t", "to", "i", "call-id", "m", "contact", "l", "content-length",
            "c", "content-type", "k", "supported");

    public static SipText parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] lines = head.split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        return new SipText(lines[0], headers, body);
    }

    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    /** The status code of a response, or -1 for a request. */
    public int status() {
        return isResponse() ? Integer.parseInt(startLine.substring(8, 11)) : -1;
    }

    /** The method of a request, or of the CSeq for a response. */
    public String method() {
        if (!isResponse()) {
            return startLine.substring(0, startLine.indexOf(' '));
        }
        String cseq = header("cseq");
        return cseq == null ? "" : cseq.substring(cseq.indexOf(' ') + 1).trim();
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a header, comma-separated values split apart. */
    public List<String> headerValues(String name) {
        List<String> all = new ArrayList<>();
        for (String value : headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            for (String part : value.split(",")) {
                all.add(part.trim());
            }
        }
        return all;
    }

    /** The tag parameter of the To header. */
    public String toTag() {
        return tagOf(header("to"));
    }

    public static String tagOf(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        for (String param : headerValue.split(";")) {
            if (param.trim().startsWith("tag=")) {
                return param.trim().substring(4);
            }
        }
        return null;
    }
}
