package dev.switchboard.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a tool call is sent: an HTTP POST to {@code url}.
 *
 * @param url     absolute http or https URL; required
 * @param timeout how long to wait for the response; default 5 s
 * @param headers extra request headers in file order (typically {@code Authorization}); never
 *                printed by {@link #toString()} because they usually carry credentials
 */
public record WebhookConfig(String url, Duration timeout, Map<String, String> headers) {

    /** Used when {@code timeout} is absent. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public WebhookConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Shows header names only, and the URL without user info or query. */
    @Override
    public String toString() {
        return "WebhookConfig[url=" + Redaction.url(url) + ", timeout=" + timeout
                + ", headers=" + headers.keySet() + "]";
    }
}
