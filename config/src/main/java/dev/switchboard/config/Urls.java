package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Checks URLs given in the configuration before anything tries to connect to them. */
final class Urls {

    private Urls() {
    }

    /**
     * Returns {@code text} if it is an absolute URL with a host and one of {@code schemes}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static String check(String text, List<String> schemes) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL '" + text + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !schemes.contains(scheme)) {
            throw new IllegalArgumentException("URL '" + text + "' must start with "
                    + String.join(":// or ", schemes) + "://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL '" + text + "' has no host");
        }
        return text;
    }
}
