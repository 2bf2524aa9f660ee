package dev.switchboard.agent.gemini;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Endpoint, credentials and model names (realtime-protocols §6.1). */
class GeminiEndpointTest {

    private static final String KEY = "AIzaSyD-secret-key-0123456789";

    @Test
    void theApiKeyGoesInTheGoogleHeaderAndDefaultsToGemini() {
        GeminiEndpoint endpoint = GeminiEndpoint.apiKey(null, KEY, "gemini-live");

        assertEquals(URI.create(GeminiEndpoint.GEMINI_API_URL), endpoint.uri());
        assertEquals(Map.of("x-goog-api-key", KEY), endpoint.headers());
        assertEquals(Map.of(), GeminiEndpoint.apiKey("ws://127.0.0.1:1/x", " ", null).headers());
    }

    @Test
    void vertexUsesABearerTokenAndBothFormsAreSecret() {
        GeminiEndpoint endpoint = GeminiEndpoint.vertex("wss://us-central1-aiplatform.googleapis.com/ws/"
                + "google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent", "ya29.token-value", null);

        assertEquals(Map.of("Authorization", "Bearer ya29.token-value"), endpoint.headers());
        assertEquals(List.of("Bearer ya29.token-value", "ya29.token-value"), endpoint.secrets());
    }

    @Test
    void toStringNeverShowsASecret() {
        GeminiEndpoint endpoint = GeminiEndpoint.apiKey("wss://example.test/ws/path?key=" + KEY, KEY, "m");

        String shown = endpoint.toString();

        assertFalse(shown.contains(KEY), shown);
        assertTrue(shown.contains("wss://example.test/ws/path?[redacted]"), shown);
        assertTrue(shown.contains("x-goog-api-key"), shown);
    }

    @Test
    void modelsAreQualifiedUnlessTheyHaveAPath() {
        GeminiEndpoint endpoint = GeminiEndpoint.apiKey(null, KEY, "default-model");

        assertEquals("models/gemini-live", endpoint.wireModel("gemini-live"));
        assertEquals("models/default-model", endpoint.wireModel(null));
        assertEquals("models/default-model", endpoint.wireModel(" "));
        assertEquals("models/x", endpoint.wireModel("models/x"));
        assertEquals("projects/p/locations/l/publishers/google/models/m",
                endpoint.wireModel("projects/p/locations/l/publishers/google/models/m"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeminiEndpoint.apiKey(null, KEY, null).wireModel(null));
        assertTrue(e.getMessage().contains("no Gemini model"), e.getMessage());
    }
}
