package dev.switchboard.agent.gemini;

import dev.switchboard.agent.ws.Credentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a Gemini Live session connects and how it authenticates (realtime-protocols §6.1).
 *
 * @param uri          the {@code BidiGenerateContent} WebSocket URI
 * @param defaultModel the model used when the session names none; {@code null} when every session names one
 * @param headers      request headers: {@code x-goog-api-key} (Gemini API) or {@code Authorization: Bearer}
 *                     (Vertex AI); secret, never printed
 */
public record GeminiEndpoint(URI uri, String defaultModel, Map<String, String> headers) {

    /** The Gemini Developer API endpoint. */
    public static final String GEMINI_API_URL = "wss://generativelanguage.googleapis.com/ws/"
            + "google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
    static final String API_KEY_HEADER = "x-goog-api-key";
    private static final String BEARER = "Bearer ";

    public GeminiEndpoint {
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
    }

    /**
     * The Gemini Developer API (or a server that speaks like it at {@code url}), authenticated with an API key in
     * the {@code x-goog-api-key} header.
     *
     * @param url {@code null} or blank for {@link #GEMINI_API_URL}
     */
    public static GeminiEndpoint apiKey(String url, String apiKey, String defaultModel) {
        Map<String, String> headers = apiKey == null || apiKey.isBlank() ? Map.of() : Map.of(API_KEY_HEADER, apiKey);
        return new GeminiEndpoint(URI.create(url == null || url.isBlank() ? GEMINI_API_URL : url), defaultModel,
                headers);
    }

    /**
     * Vertex AI's {@code LlmBidiService/BidiGenerateContent} at {@code url} (regional), with an OAuth access token.
     * Models there must be fully qualified ({@code projects/…/locations/…/publishers/google/models/…}). The token
     * is used as given: it expires (typically after an hour), so a transport built from this endpoint must be
     * replaced with a fresh token before then.
     */
    public static GeminiEndpoint vertex(String url, String accessToken, String defaultModel) {
        Objects.requireNonNull(url, "a Vertex AI endpoint needs its regional URL");
        return new GeminiEndpoint(URI.create(url), defaultModel, Map.of("Authorization", BEARER + accessToken));
    }

    /**
     * The model as {@code setup.model} names it: {@code models/NAME} unless the name already has a path
     * (Vertex's fully qualified names, or {@code models/…} given explicitly).
     *
     * @throws IllegalArgumentException when neither the session nor this endpoint names a model
     */
    String wireModel(String sessionModel) {
        String chosen = sessionModel == null || sessionModel.isBlank() ? defaultModel : sessionModel;
        if (chosen == null || chosen.isBlank()) {
            throw new IllegalArgumentException("no Gemini model configured (the session and the endpoint name none)");
        }
        return chosen.contains("/") ? chosen : "models/" + chosen;
    }

    /** The credential values, bare as well as with their scheme, for redaction. */
    List<String> secrets() {
        return Credentials.secretsOf(headers);
    }

    @Override
    public String toString() {
        String shown = uri.getRawQuery() == null ? uri.toString()
                : uri.toString().substring(0, uri.toString().indexOf('?')) + "?[redacted]";
        return "GeminiEndpoint[" + shown + ", model=" + defaultModel + ", headers=" + headers.keySet() + "]";
    }
}
