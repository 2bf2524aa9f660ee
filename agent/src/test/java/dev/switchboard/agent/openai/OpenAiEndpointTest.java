package dev.switchboard.agent.openai;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session URI of realtime-protocols §2.1 ({@code {base}/realtime?model=…}) and the bearer header. */
class OpenAiEndpointTest {

    private static final String KEY = "sk-proj-0123456789abcdefXYZ";

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
}
