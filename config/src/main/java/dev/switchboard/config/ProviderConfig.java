package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One entry under {@code providers:}: a realtime speech-to-speech backend agents can use.
 *
 * @param type       one of {@link #TYPES}; required
 * @param apiKey     credential for remote providers: required for every type but {@code local} and
 *                   {@code azure} (where it is one of two choices, see {@code entraToken}); never
 *                   printed by {@link #toString()}
 * @param model      model name; null means the provider's default (openai, xai). Required for azure,
 *                   where it is the deployment name, and for gemini, since Gemini Live has no default
 *                   model; never set for local.
 * @param baseUrl    endpoint override; null means the provider's public endpoint (required for azure,
 *                   whose endpoint is per resource)
 * @param listen     only for {@code local}: where the built-in engine listens; null means
 *                   {@code 127.0.0.1:0} (any free loopback port)
 * @param entraToken only for {@code azure}: a Microsoft Entra ID bearer token, given instead of
 *                   {@code apiKey} (exactly one of the two is set); never printed by {@link #toString()}
 * @param maxSession a call's provider session is replaced by a fresh one before it has lasted this
 *                   long, staying ahead of the provider's own session limit; when null is passed,
 *                   {@link #defaultMaxSession(String)} of the type (which is null for {@code local}:
 *                   no limit). The loader accepts at most {@link #maxSessionLimit(String)}.
 * @param reconnect  how a dropped session is re-established; {@link ReconnectConfig#defaults()} when
 *                   null is passed (and always for {@code local}, which does not accept the key)
 */
public record ProviderConfig(String type, String apiKey, String model, String baseUrl, HostPort listen,
                             String entraToken, Duration maxSession, ReconnectConfig reconnect) {

    /** OpenAI's realtime API. */
    public static final String OPENAI = "openai";
    /** xAI's Grok voice agent, a variant of OpenAI's realtime protocol. */
    public static final String XAI = "xai";
    /** Google's Gemini Live API. */
    public static final String GEMINI = "gemini";

    /** The built-in engine that needs no credentials. */
    public static final String LOCAL = "local";

    /** The type whose endpoint is per resource and which also accepts an Entra ID token. */
    public static final String AZURE = "azure";

    /** Provider types accepted in {@code providers.*.type}. */
    public static final List<String> TYPES = List.of(OPENAI, AZURE, XAI, GEMINI, LOCAL);

    /** The default for openai, azure and xai, under the 60 minutes OpenAI's realtime sessions may last. */
    public static final Duration DEFAULT_MAX_SESSION = Duration.ofMinutes(55);

    /** The default for gemini, under the roughly 10 minutes a Gemini Live connection may last. */
    public static final Duration DEFAULT_GEMINI_MAX_SESSION = Duration.ofMinutes(9);

    /** OpenAI ends a realtime session after 60 minutes; Azure and xAI speak the same protocol and limit. */
    public static final Duration OPENAI_SESSION_LIMIT = Duration.ofMinutes(60);

    /** Gemini Live recycles a connection about every 10 minutes (announced by {@code goAway}). */
    public static final Duration GEMINI_SESSION_LIMIT = Duration.ofMinutes(10);

    public ProviderConfig {
        Objects.requireNonNull(type, "type");
        maxSession = maxSession == null ? defaultMaxSession(type) : maxSession;
        reconnect = reconnect == null ? ReconnectConfig.defaults() : reconnect;
    }

    /** A provider with the defaults for {@code entraToken}, {@code maxSession} and {@code reconnect}. */
    public ProviderConfig(String type, String apiKey, String model, String baseUrl, HostPort listen) {
        this(type, apiKey, model, baseUrl, listen, null, null, null);
    }

    /** The {@code max_session} used when the key is absent; null (no limit) for local and unknown types. */
    public static Duration defaultMaxSession(String type) {
        return switch (type) {
            case OPENAI, AZURE, XAI -> DEFAULT_MAX_SESSION;
            case GEMINI -> DEFAULT_GEMINI_MAX_SESSION;
            default -> null;
        };
    }

    /**
     * The largest {@code max_session} accepted for {@code type}: a longer one would not recycle the
     * session before the provider ends it. Null (no limit) for local and unknown types.
     */
    public static Duration maxSessionLimit(String type) {
        return switch (type) {
            case OPENAI, AZURE, XAI -> OPENAI_SESSION_LIMIT;
            case GEMINI -> GEMINI_SESSION_LIMIT;
            default -> null;
        };
    }

    /** Never shows the API key or Entra token, nor credentials embedded in the URL. */
    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", api_key=" + Redaction.secret(apiKey)
                + ", model=" + model + ", base_url=" + Redaction.url(baseUrl) + ", listen=" + listen
                + ", entra_token=" + Redaction.secret(entraToken) + ", max_session=" + maxSession
                + ", reconnect=" + reconnect + "]";
    }
}
