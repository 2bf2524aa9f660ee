package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Renders secret-bearing values for {@code toString()} so that secrets never reach a log. */
final class Redaction {

    static final String MASK = "***";

    private Redaction() {
    }

    /** {@code null} when unset, otherwise the mask. */
    static String secret(String value) {
        return value == null ? null : MASK;
    }

    /** A URL without its user info and query, the two places credentials hide in URLs. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.isOpaque() || uri.getScheme() == null || uri.getRawAuthority() == null) {
                return MASK;
            }
            String authority = uri.getRawAuthority();
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            return uri.getScheme() + "://"
                    + (uri.getRawUserInfo() == null ? "" : MASK + "@")
                    + hostPort
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + MASK);
        } catch (URISyntaxException e) {
            return MASK;
        }
    }
}
