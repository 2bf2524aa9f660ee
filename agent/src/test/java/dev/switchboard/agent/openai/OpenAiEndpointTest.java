package dev.switchboard.agent.openai;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session URI of realtime-protocols §2.1 ({@code {base}/realtime?model=…}), Azure's (§4) and xAI's (§5), and
 * their auth headers, which never show in {@code toString}.
 */
class OpenAiEndpointTest {

    private static final String KEY = "sk-proj-0123456789abcdefXYZ";
    private static final String AZURE_KEY = "0a1b2c3dSECRETazure9f8e7d6c";
    private static final String ENTRA_TOKEN = "eyJ0eXAiOiJKV1QiSECRETentra.payload.signature";
    private static final String XAI_KEY = "xai-SECRET0123456789abcdef";

    @Test
    void realtimeUriAppendsThePathAndTheModel() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.bearer("wss://api.openai.com/v1", KEY, "gpt-realtime");
        assertEquals(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime"), endpoint.realtimeUri(null));
    }

    @Test
    void trailingSlashesOfTheBaseAreNotDoubled() {
        OpenAiEndpoint oneSlash = OpenAiEndpoint.bearer("wss://api.openai.com/v1/", KEY, "gpt-realtime");
        OpenAiEndpoint twoSlashes = OpenAiEndpoint.bearer("ws://127.0.0.1:8080/v1//", null, "echo");
        assertEquals(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime"), oneSlash.realtimeUri(null));
        assertEquals(URI.create("ws://127.0.0.1:8080/v1/realtime?model=echo"), twoSlashes.realtimeUri(null));
    }

    @Test
    void theSessionModelWinsOverTheDefault() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.bearer("wss://api.openai.com/v1", KEY, "gpt-realtime");
        assertEquals(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime-mini"),
                endpoint.realtimeUri("gpt-realtime-mini"));
        assertEquals(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime"), endpoint.realtimeUri("  "));
    }

    @Test
    void withoutAnyModelThereIsNoQuery() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.bearer("wss://example.test/v1", null, null);
        URI uri = endpoint.realtimeUri(null);
        assertEquals(URI.create("wss://example.test/v1/realtime"), uri);
        assertNull(uri.getRawQuery());
    }

    @Test
    void theModelIsUrlEncodedAndDecodesBackToItself() {
        String model = "my model/v1?x=1&y=ü#frag";
        URI uri = OpenAiEndpoint.bearer("ws://127.0.0.1:9/v1", null, "echo").realtimeUri(model);

        assertEquals("/v1/realtime", uri.getPath());
        assertNull(uri.getFragment(), "a '#' in the model must not start a fragment");
        String rawQuery = uri.getRawQuery();
        assertTrue(rawQuery.startsWith("model="), rawQuery);
        assertFalse(rawQuery.substring("model=".length()).matches(".*[ /?&=#].*"), rawQuery);
        Map<String, List<String>> parameters = new QueryStringDecoder(uri).parameters();
        assertEquals(Map.of("model", List.of(model)), parameters);
    }

    @Test
    void aMissingBaseUrlMeansOpenAi() {
        assertEquals(URI.create(OpenAiEndpoint.OPENAI_BASE_URL),
                OpenAiEndpoint.bearer(null, KEY, "gpt-realtime").baseUri());
        assertEquals(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime"),
                OpenAiEndpoint.bearer(" ", KEY, "gpt-realtime").realtimeUri(null));
    }

    @Test
    void aKeyBecomesABearerHeader() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.bearer("wss://api.openai.com/v1", KEY, "gpt-realtime");
        assertEquals(Map.of("Authorization", "Bearer " + KEY), endpoint.headers());
    }

    @Test
    void withoutAKeyThereAreNoHeaders() {
        assertEquals(Map.of(), OpenAiEndpoint.bearer("ws://127.0.0.1:9/v1", null, "echo").headers());
        assertEquals(Map.of(), OpenAiEndpoint.bearer("ws://127.0.0.1:9/v1", "", "echo").headers());
        assertEquals(Map.of(), OpenAiEndpoint.bearer("ws://127.0.0.1:9/v1", "   ", "echo").headers());
    }

    @Test
    void headersCannotBeChangedAfterwards() {
        Map<String, String> given = new java.util.HashMap<>(Map.of("api-key", KEY));
        OpenAiEndpoint endpoint = new OpenAiEndpoint(URI.create("wss://res.openai.azure.com/openai/v1"), "gpt", given);
        given.put("api-key", "changed");
        assertEquals(Map.of("api-key", KEY), endpoint.headers());
    }

    @Test
    void toStringNamesTheHeadersButNeverTheKey() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.bearer("wss://api.openai.com/v1", KEY, "gpt-realtime");
        String text = endpoint.toString();
        assertFalse(text.contains(KEY), text);
        assertFalse(text.contains("0123456789abcdef"), text);
        assertTrue(text.contains("Authorization"), text);
        assertTrue(text.contains("wss://api.openai.com/v1"), text);

        String transport = new OpenAiRealtimeTransport(endpoint).toString();
        assertFalse(transport.contains("0123456789abcdef"), transport);
    }

    @Test
    void anHttpsBaseIsTakenAsItsWebSocketEquivalent() {
        assertEquals(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime"),
                OpenAiEndpoint.bearer("https://api.openai.com/v1", KEY, "gpt-realtime").realtimeUri(null));
        assertEquals(URI.create("ws://127.0.0.1:8080/v1/realtime?model=echo"),
                OpenAiEndpoint.bearer("HTTP://127.0.0.1:8080/v1", null, "echo").realtimeUri(null));
    }

    @Test
    void azureBuildsTheGaPathFromThePortalEndpoint() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.azure("https://acme.openai.azure.com/", AZURE_KEY, null,
                "my-realtime");
        assertEquals(URI.create("wss://acme.openai.azure.com/openai/v1/realtime?model=my-realtime"),
                endpoint.realtimeUri(null));
        assertEquals(Map.of("api-key", AZURE_KEY), endpoint.headers());
    }

    @Test
    void azureAcceptsABaseThatAlreadyHasThePath() {
        String expected = "wss://acme.openai.azure.com/openai/v1/realtime?model=dep";
        for (String base : List.of("wss://acme.openai.azure.com/openai/v1", "wss://acme.openai.azure.com/openai/v1/",
                "https://acme.openai.azure.com/openai/v1", "https://acme.openai.azure.com/openai")) {
            assertEquals(URI.create(expected), OpenAiEndpoint.azure(base, AZURE_KEY, null, "dep").realtimeUri(null),
                    base);
        }
    }

    @Test
    void azureWithAnEntraTokenSendsItAsABearer() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.azure("https://acme.openai.azure.com", null, ENTRA_TOKEN, "dep");
        assertEquals(Map.of("Authorization", "Bearer " + ENTRA_TOKEN), endpoint.headers());
    }

    @Test
    void azureRefusesAnIncompleteOrAmbiguousConfiguration() {
        String base = "https://acme.openai.azure.com";
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> OpenAiEndpoint.azure(base, AZURE_KEY, ENTRA_TOKEN, "dep"));
        assertTrue(both.getMessage().contains("exactly one"), both.getMessage());
        assertFalse(both.getMessage().contains(AZURE_KEY), "the error never shows the key");
        assertThrows(IllegalArgumentException.class, () -> OpenAiEndpoint.azure(base, " ", null, "dep"));
        assertThrows(IllegalArgumentException.class, () -> OpenAiEndpoint.azure(base, AZURE_KEY, null, " "));
        assertThrows(IllegalArgumentException.class, () -> OpenAiEndpoint.azure(null, AZURE_KEY, null, "dep"));
    }

    @Test
    void xaiDefaultsToItsOwnEndpointWithABearerKey() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.xai(null, XAI_KEY, "grok-voice-latest");
        assertEquals(URI.create("wss://api.x.ai/v1/realtime?model=grok-voice-latest"), endpoint.realtimeUri(null));
        assertEquals(Map.of("Authorization", "Bearer " + XAI_KEY), endpoint.headers());
        assertEquals(URI.create("wss://eu.x.ai/v1/realtime?model=m"),
                OpenAiEndpoint.xai("https://eu.x.ai/v1", XAI_KEY, "m").realtimeUri(null));
    }

    @Test
    void noEndpointEverPrintsItsSecret() {
        List<OpenAiEndpoint> endpoints = List.of(
                OpenAiEndpoint.azure("https://acme.openai.azure.com", AZURE_KEY, null, "dep"),
                OpenAiEndpoint.azure("https://acme.openai.azure.com", null, ENTRA_TOKEN, "dep"),
                OpenAiEndpoint.xai(null, XAI_KEY, "grok-voice-latest"));
        for (OpenAiEndpoint endpoint : endpoints) {
            for (String text : List.of(endpoint.toString(),
                    new OpenAiRealtimeTransport(endpoint, Dialect.AZURE).toString())) {
                assertFalse(text.contains(AZURE_KEY) || text.contains(ENTRA_TOKEN) || text.contains(XAI_KEY), text);
                assertFalse(text.contains("SECRET"), text);
            }
        }
        assertTrue(endpoints.get(0).toString().contains("api-key"));
    }
}
