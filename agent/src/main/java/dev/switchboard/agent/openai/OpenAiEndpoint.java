package dev.switchboard.agent.openai;

import dev.switchboard.agent.ws.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where an OpenAI-protocol session connects and how it authenticates.
 *
 * @param baseUri      for example {@code wss://api.openai.com/v1}; {@code /realtime?model=…} is appended
 * @param defaultModel the model (Azure: the deployment) used when the session does not name one
 * @param headers      request headers, typically {@code Authorization: Bearer …}; secret, never printed
 */
public record OpenAiEndpoint(URI baseUri, String defaultModel, Map<String, String> headers) {

    public static final String OPENAI_BASE_URL = "wss://api.openai.com/v1";
    public static final String XAI_BASE_URL = "wss://api.x.ai/v1";
    /** Azure's GA realtime path under the resource endpoint (realtime-protocols §4). */
    private static final String AZURE_PATH = "/openai/v1";

    public OpenAiEndpoint {
        headers = Map.copyOf(headers);
    }

    /**
     * OpenAI itself, or any compatible server (the local engine), authenticated with a bearer key when one is
     * given. An {@code https://} or {@code http://} base is taken as its WebSocket equivalent.
     */
    public static OpenAiEndpoint bearer(String baseUrl, String apiKey, String defaultModel) {
        return new OpenAiEndpoint(webSocketBase(baseUrl, OPENAI_BASE_URL), defaultModel, bearerHeader(apiKey));
    }

    /** xAI's Grok voice agent (§5): {@code wss://api.x.ai/v1/realtime?model=…} with a bearer key. */
    public static OpenAiEndpoint xai(String baseUrl, String apiKey, String model) {
        return new OpenAiEndpoint(webSocketBase(baseUrl, XAI_BASE_URL), model, bearerHeader(apiKey));
    }

    /**
     * Azure OpenAI's GA endpoint (§4),
     * {@code wss://{resource}.openai.azure.com/openai/v1/realtime?model={deployment}}, authenticated with the
     * resource key ({@code api-key}) or a Microsoft Entra ID token ({@code Authorization: Bearer}, scope
     * {@code https://cognitiveservices.azure.com/.default}). Entra tokens expire: the caller
     * builds a new endpoint with a fresh one.
     *
     * @param baseUrl    the resource endpoint as the portal shows it, {@code https://{resource}.openai.azure.com},
     *                   or the WebSocket base already ending in {@code /openai/v1}
     * @param deployment the deployment name, which Azure takes where OpenAI takes a model
     * @throws IllegalArgumentException without a base URL or deployment, or unless exactly one of {@code apiKey}
     *                                  and {@code entraToken} is given
     */
    public static OpenAiEndpoint azure(String baseUrl, String apiKey, String entraToken, String deployment) {
        if (isBlank(baseUrl)) {
            throw new IllegalArgumentException(
                    "Azure needs the resource's base URL (https://{resource}.openai.azure.com)");
        }
        if (isBlank(deployment)) {
            throw new IllegalArgumentException("Azure needs the name of the realtime model's deployment");
        }
        if (isBlank(apiKey) == isBlank(entraToken)) {
            throw new IllegalArgumentException("Azure needs exactly one of an api key and an Entra ID token");
        }
        String base = webSocketBase(baseUrl, null).toString();
        if (base.endsWith("/openai")) {
            base += "/v1";
        } else if (!base.endsWith(AZURE_PATH)) {
            base += AZURE_PATH;
        }
        Map<String, String> headers = isBlank(apiKey) ? bearerHeader(entraToken) : Map.of("api-key", apiKey);
        return new OpenAiEndpoint(URI.create(base), deployment, headers);
    }

    /** The session URI: the GA endpoint takes the model as a query parameter (realtime-protocols §2.1). */
    public URI realtimeUri(String model) {
        String chosen = isBlank(model) ? defaultModel : model;
        String base = baseUri.toString().replaceAll("/+$", "");
        String query = chosen == null ? "" : "?model=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8);
        return URI.create(base + "/realtime" + query);
    }

    /** {@code baseUrl} (or {@code fallback} when blank) as a ws/wss URI without trailing slashes. */
    private static URI webSocketBase(String baseUrl, String fallback) {
        String url = (isBlank(baseUrl) ? fallback : baseUrl).strip().replaceAll("/+$", "");
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            url = "wss://" + url.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            url = "ws://" + url.substring("http://".length());
        }
        return URI.create(url);
    }

    private static Map<String, String> bearerHeader(String token) {
        return isBlank(token) ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The credential values, for redaction. */
    List<String> secrets() {
        return Credentials.secretsOf(headers);
    }

    @Override
    public String toString() {
        return "OpenAiEndpoint[" + baseUri + ", model=" + defaultModel + ", headers=" + headers.keySet() + "]";
    }
}
