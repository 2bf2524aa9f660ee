package dev.switchboard.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code providers:}: which keys each provider type takes and requires, its credentials, and
 * how its sessions are recycled and reconnected. A provider that cannot be built is left out after
 * its problems are reported.
 */
final class ProviderSections {

    static final List<String> PROVIDER_KEYS = List.of("type", "api_key", "model", "base_url", "listen",
            "entra_token", "max_session", "reconnect");
    static final List<String> RECONNECT_KEYS = List.of("attempts", "initial_backoff", "max_backoff");

    private static final String API_KEY = "api_key";
    private static final String ENTRA_TOKEN = "entra_token";
    /** Keys of remote providers that the built-in engine has no use for. */
    private static final List<String> REMOTE_ONLY_KEYS = List.of(API_KEY, ENTRA_TOKEN, "model", "base_url",
            "max_session", "reconnect");

    private ProviderSections() {
    }

    static Map<String, ProviderConfig> providers(MapView top, Map<String, YamlNode> entries) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        entries.forEach((name, node) -> {
            ProviderConfig provider = provider(top.entry(node, PROVIDER_KEYS));
            if (provider != null) {
                providers.put(name, provider);
            }
        });
        return providers;
    }

    private static ProviderConfig provider(MapView p) {
        String type = p.requiredString("type") == null ? null
                : p.choice("type", "provider type", ProviderConfig.TYPES, null);
        if (ProviderConfig.LOCAL.equals(type)) {
            p.reject(REMOTE_ONLY_KEYS, "not used by provider type local");
            return new ProviderConfig(type, null, null, null, p.hostPort("listen", null));
        }
        p.reject(List.of("listen"), "only used by provider type local");
        String model = p.string("model", null);
        String baseUrl = p.url("base_url", null, List.of("wss", "ws", "https", "http"));
        Duration maxSession = maxSession(p, type);
        ReconnectConfig reconnect = reconnect(p);
        if (type == null) {
            return null;
        }
        if (ProviderConfig.GEMINI.equals(type)) {
            requireModel(p, " (Gemini Live has no default model)");
        }
        Credentials credentials = ProviderConfig.AZURE.equals(type) ? azure(p) : apiKeyOnly(p);
        return new ProviderConfig(type, credentials.apiKey(), model, baseUrl, null, credentials.entraToken(),
                maxSession, reconnect);
    }

    /** Exactly one of these is set. */
    private record Credentials(String apiKey, String entraToken) {
    }

    private static Credentials apiKeyOnly(MapView p) {
        p.reject(List.of(ENTRA_TOKEN), "only used by provider type azure");
        return new Credentials(p.requiredString(API_KEY), null);
    }

    /** Azure's endpoint and deployment are per resource, and it takes a key or an Entra ID token. */
    private static Credentials azure(MapView p) {
        p.require("base_url", " (azure has no default endpoint: give your resource's realtime URL)");
        requireModel(p, " (for azure, the name of your realtime model deployment)");
        String given = p.exactlyOne(API_KEY, ENTRA_TOKEN, " (azure takes an API key or a Microsoft Entra ID token)");
        String credential = given == null ? null : p.requiredString(given);
        return API_KEY.equals(given) ? new Credentials(credential, null) : new Credentials(null, credential);
    }

    /** A model the type cannot do without: an empty one would fail every call instead of the load. */
    private static void requireModel(MapView p, String why) {
        if (p.require("model", why)) {
            p.requiredString("model");
        }
    }

    /**
     * {@code max_session} must recycle a session before the provider ends it, so it may not exceed
     * {@link ProviderConfig#maxSessionLimit(String)}; checked only once the type is known.
     */
    private static Duration maxSession(MapView p, String type) {
        Duration maxSession = p.duration("max_session", null);
        Duration limit = type == null ? null : ProviderConfig.maxSessionLimit(type);
        if (maxSession != null && limit != null && maxSession.compareTo(limit) > 0) {
            YamlNode.Scalar scalar = p.scalar("max_session");
            String why = ProviderConfig.GEMINI.equals(type)
                    ? "Gemini Live recycles its connections about every 10 minutes"
                    : "OpenAI's realtime protocol ends a session after 60 minutes";
            p.problems().report(scalar, "must be at most " + Durations.format(limit) + " for provider type " + type
                    + " (" + why + "), found " + scalar.shown());
        }
        return maxSession;
    }

    /** The doubling backoff must have room to grow: {@code initial_backoff} is at most {@code max_backoff}. */
    private static ReconnectConfig reconnect(MapView p) {
        MapView r = p.section("reconnect", RECONNECT_KEYS);
        int attempts = r.integer("attempts", ReconnectConfig.DEFAULT_ATTEMPTS, 0, ReconnectConfig.MAX_ATTEMPTS);
        Duration initial = r.duration("initial_backoff", null);
        Duration max = r.duration("max_backoff", null);
        boolean valid = (initial != null || r.node("initial_backoff") == null)
                && (max != null || r.node("max_backoff") == null);
        initial = initial == null ? ReconnectConfig.DEFAULT_INITIAL_BACKOFF : initial;
        max = max == null ? ReconnectConfig.DEFAULT_MAX_BACKOFF : max;
        if (valid && initial.compareTo(max) > 0) {
            YamlNode at = r.node("max_backoff") != null ? r.node("max_backoff") : r.node("initial_backoff");
            r.problems().report(at, "initial_backoff (" + Durations.format(initial) + ") must not be greater than "
                    + "max_backoff (" + Durations.format(max) + ")");
        }
        return new ReconnectConfig(attempts, initial, max);
    }
}
