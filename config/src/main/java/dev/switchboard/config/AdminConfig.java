package dev.switchboard.config;

import java.util.Objects;

/**
 * The {@code admin:} section: the HTTP endpoint for health, metrics and the API.
 *
 * @param listen host:port; default {@code 127.0.0.1:8080} so it is not exposed by accident
 * @param token  bearer token guarding everything but {@code /healthz}; null when absent or empty,
 *               in which case only {@code /healthz} is served
 */
public record AdminConfig(HostPort listen, String token) {

    public AdminConfig {
        Objects.requireNonNull(listen, "listen");
    }

    /** The configuration used when the {@code admin:} section is absent. */
    public static AdminConfig defaults() {
        return new AdminConfig(new HostPort("127.0.0.1", 8080), null);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "AdminConfig[listen=" + listen + ", token=" + Redaction.secret(token) + "]";
    }
}
