package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Checks the URIs calls may be transferred to: SIP (RFC 3261 §19.1) and telephone (RFC 3966) URIs. */
final class CallUris {

    static final List<String> SCHEMES = List.of("sip", "sips", "tel");
    static final String EXPECTED = "a sip:, sips: or tel: URI, e.g. sip:100@pbx.example.com or tel:+15551230000";

    private CallUris() {
    }

    /**
     * Returns {@code text} if it is a SIP URI with a host or a telephone URI with a number.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static String check(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URI '" + text + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("URI '" + text + "' must start with sip:, sips: or tel:");
        }
        String rest = uri.getRawSchemeSpecificPart();
        if (scheme.equals("tel") ? rest.chars().noneMatch(Character::isDigit) : host(rest).isEmpty()) {
            throw new IllegalArgumentException("URI '" + text + "' has no "
                    + (scheme.equals("tel") ? "number" : "host") + " (expected " + EXPECTED + ")");
        }
        return text;
    }

    /** The hostport of a SIP URI's {@code [userinfo@]hostport[;params][?headers]}. */
    private static String host(String rest) {
        int end = rest.length();
        for (char separator : new char[] {';', '?'}) {
            int at = rest.indexOf(separator);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String address = rest.substring(0, end);
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
