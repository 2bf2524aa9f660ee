package dev.switchboard.agent.openai;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where an OpenAI-protocol session connects and how it authenticates.
 *
 * @param baseUri      for example {@code wss://api.openai.com/v1}; {@code /realtime?model=…} is appended
 * @param defaultModel the model used when the session does not name one
 * @param headers      request headers, typically {@code Authorization: Bearer …}; secret, never printed
 */
public record OpenAiEndpoint(URI baseUri, String defaultModel, Map<String, String> headers) {

    public static final String OPENAI_BASE_URL = "wss://api.openai.com/v1";

    public OpenAiEndpoint {
        headers = Map.copyOf(headers);
    }

    /** OpenAI itself, or any compatible server, authenticated with a bearer key when one is given. */
    public static OpenAiEndpoint bearer(String baseUrl, String apiKey, String defaultModel) {
        URI base = URI.create(baseUrl == null || baseUrl.isBlank() ? OPENAI_BASE_URL : baseUrl);
        Map<String, String> headers = apiKey == null || apiKey.isBlank()
                ? Map.of()
                : Map.of("Authorization", "Bearer " + apiKey);
        return new OpenAiEndpoint(base, defaultModel, headers);
    }

    /** The session URI: the GA endpoint takes the model as a query parameter (realtime-protocols §2.1). */
    public URI realtimeUri(String model) {
        String chosen = model == null || model.isBlank() ? defaultModel : model;
        String base = baseUri.toString().replaceAll("/+$", "");
        String query = chosen == null ? "" : "?model=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8);
        return URI.create(base + "/realtime" + query);
    }

    @Override
    public String toString() {
        return "OpenAiEndpoint[" + baseUri + ", model=" + defaultModel + ", headers=" + headers.keySet() + "]";
    }
}
