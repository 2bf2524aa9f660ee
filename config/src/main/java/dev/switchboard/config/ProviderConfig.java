package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry under {@code providers:}: a realtime speech-to-speech backend agents can use.
 *
 * @param type    one of {@link #TYPES}; required
 * @param apiKey  credential for remote providers (required unless {@code type} is {@code local});
 *                never printed by {@link #toString()}
 * @param model   model name; null means the provider's default
 * @param baseUrl endpoint override; null means the provider's public endpoint (required for azure,
 *                whose endpoint is per resource)
 * @param listen  only for {@code local}: where the built-in engine listens; null means
 *                {@code 127.0.0.1:0} (any free loopback port)
 */
public record ProviderConfig(String type, String apiKey, String model, String baseUrl, HostPort listen) {

    /** Provider types accepted in {@code providers.*.type}. */
    public static final List<String> TYPES = List.of("openai", "azure", "xai", "gemini", "local");

    /** The built-in engine that needs no credentials. */
    public static final String LOCAL = "local";

    public ProviderConfig {
        Objects.requireNonNull(type, "type");
    }

    /** Never shows the API key, nor credentials embedded in the URL. */
    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", api_key=" + Redaction.secret(apiKey)
                + ", model=" + model + ", base_url=" + Redaction.url(baseUrl) + ", listen=" + listen + "]";
    }
}
