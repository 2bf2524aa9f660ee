package dev.switchboard.agent.tools;

import static dev.switchboard.agent.tools.LoopbackWebhookServer.LOOKUP_ORDER;
import static dev.switchboard.agent.tools.LoopbackWebhookServer.call;
import static dev.switchboard.agent.tools.LoopbackWebhookServer.reply;
import static dev.switchboard.agent.tools.LoopbackWebhookServer.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a webhook is sent and how its replies become results, against a real HTTP server on loopback. */
class WebhookToolIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-token-value";

    private LoopbackWebhookServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackWebhookServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsTheCallAsJsonAndReturnsTheCompactedJsonReply() throws Exception {
        BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
        server.handle("/hooks/order", exchange -> {
            requests.add(Recorded.of(exchange));
            reply(exchange, 200, "application/json", "{ \"status\" : \"shipped\",\n  \"eta\": \"tomorrow\" }");
        });

        ToolResult result = server.webhook("/hooks/order", Duration.ofSeconds(5), Map.of("X-Api-Key", SECRET))
                .call(call("{\"order_id\": \"12345\", \"express\": true}"));

        assertEquals(ToolResult.ok("{\"status\":\"shipped\",\"eta\":\"tomorrow\"}"), result);
        Recorded request = requests.poll(5, TimeUnit.SECONDS);
        assertEquals("POST", request.method());
        assertEquals("/hooks/order", request.path());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("application/json, text/plain", request.header("Accept"));
        assertEquals("Switchboard", request.header("User-Agent"));
        assertEquals(SECRET, request.header("X-Api-Key"));
        assertEquals(JSON.readTree("""
                {"tool": "lookup_order",
                 "arguments": {"order_id": "12345", "express": true},
                 "call": {"id": "call-7", "from": "+4930111", "to": "+4930222", "agent": "orders"}}"""),
                JSON.readTree(request.body()));
    }

    @Test
    void returnsATextReplyAsItIs() throws Exception {
        server.handle("/hook", exchange -> reply(exchange, 200, "text/plain; charset=utf-8",
                "Ihre Bestellung kommt morgen."));

        assertEquals(ToolResult.ok("Ihre Bestellung kommt morgen."), webhook("/hook").call(call("{}")));
    }

    @Test
    void anEmptyReplyMeansOk() throws Exception {
        server.handle("/hook", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });

        assertEquals(ToolResult.ok("{\"ok\":true}"), webhook("/hook").call(call("{}")));
    }

    @Test
    void anHttpErrorCarriesTheWebhooksShortExplanation() throws Exception {
        server.handle("/json", exchange -> reply(exchange, 404, "application/json",
                "{\"error\": \"order not found\"}"));
        server.handle("/nested", exchange -> reply(exchange, 422, "application/problem+json",
                "{\"error\": {\"message\": \"order_id must have 5 digits\"}}"));
        server.handle("/text", exchange -> reply(exchange, 503, "text/plain", "down for maintenance\n"));

        assertEquals(ToolResult.error("webhook returned HTTP 404: order not found"),
                webhook("/json").call(call("{}")));
        assertEquals(ToolResult.error("webhook returned HTTP 422: order_id must have 5 digits"),
                webhook("/nested").call(call("{}")));
        assertEquals(ToolResult.error("webhook returned HTTP 503: down for maintenance"),
                webhook("/text").call(call("{}")));
    }

    @Test
    void anHttpErrorWithALongOrHtmlBodyNamesOnlyTheStatus() throws Exception {
        server.handle("/html", exchange -> reply(exchange, 500, "text/html", "<html><body>Oops</body></html>"));
        server.handle("/long", exchange -> reply(exchange, 500, "text/plain", "x".repeat(201)));

        assertEquals(ToolResult.error("webhook returned HTTP 500"), webhook("/html").call(call("{}")));
        assertEquals(ToolResult.error("webhook returned HTTP 500"), webhook("/long").call(call("{}")));
    }

    @Test
    void doesNotFollowRedirects() throws Exception {
        BlockingQueue<String> redirected = new LinkedBlockingQueue<>();
        server.handle("/hook", exchange -> {
            exchange.getResponseHeaders().set("Location", "/elsewhere");
            reply(exchange, 307, "text/plain", "");
        });
        server.handle("/elsewhere", exchange -> {
            redirected.add(exchange.getRequestMethod());
            reply(exchange, 200, "application/json", "{}");
        });

        assertEquals(ToolResult.error("webhook returned HTTP 307: redirects are not followed"),
                webhook("/hook").call(call("{}")));
        assertNull(redirected.poll(), "the redirect target was requested");
    }

    @Test
    void refusesAClientThatFollowsRedirects() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            assertThrows(IllegalArgumentException.class, () -> new WebhookTool(LOOKUP_ORDER, server.url("/hook"),
                    Duration.ofSeconds(1), Map.of(), following));
        } finally {
            following.shutdownNow();
        }
    }

    @Test
    void readsAReplyOfExactlyTheLimit() throws Exception {
        String limit = "a".repeat(WebhookTool.MAX_RESPONSE_BYTES);
        server.handle("/hook", exchange -> stream(exchange, limit.getBytes(StandardCharsets.US_ASCII)));

        assertEquals(ToolResult.ok(limit), webhook("/hook").call(call("{}")));
    }

    @Test
    void cutsOffAStreamedReplyBeyondTheLimitAndClosesTheConnection() throws Exception {
        int total = 10 * 1024 * 1024;
        CompletableFuture<Long> abortedAfterBytes = new CompletableFuture<>();
        server.handle("/hook", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // chunked
            byte[] chunk = new byte[8192];
            long written = 0;
            try (OutputStream body = exchange.getResponseBody()) {
                while (written < total) {
                    body.write(chunk);
                    written += chunk.length;
                }
                body.flush();
                abortedAfterBytes.complete(-1L);
            } catch (IOException e) {
                abortedAfterBytes.complete(written);
            }
        });

        ToolResult result = webhook("/hook").call(call("{}"));

        assertEquals(ToolResult.error("webhook response is larger than 64 KiB"), result);
        // The JDK client closes a cancelled connection from its selector thread, which may idle up to 3 s first.
        long written = abortedAfterBytes.get(10, TimeUnit.SECONDS);
        assertTrue(written >= WebhookTool.MAX_RESPONSE_BYTES && written < total,
                "the server should fail to write the rest, but wrote " + written);
    }

    @Test
    void refusesADeclaredContentLengthBeyondTheLimitUnread() throws Exception {
        server.handle("/hook", exchange -> {
            exchange.sendResponseHeaders(200, WebhookTool.MAX_RESPONSE_BYTES + 1);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(new byte[WebhookTool.MAX_RESPONSE_BYTES + 1]);
            } catch (IOException e) {
                // the client closed the connection, as it should
            }
        });

        assertEquals(ToolResult.error("webhook response is larger than 64 KiB"), webhook("/hook").call(call("{}")));
    }

    @Test
    void reportsInvalidJson() throws Exception {
        server.handle("/cut", exchange -> reply(exchange, 200, "application/json", "{\"status\": "));
        server.handle("/trailing", exchange -> reply(exchange, 200, "application/json; charset=utf-8",
                "{\"a\": 1} x"));

        assertEquals(ToolResult.error("webhook returned invalid JSON"), webhook("/cut").call(call("{}")));
        assertEquals(ToolResult.error("webhook returned invalid JSON"), webhook("/trailing").call(call("{}")));
    }

    @Test
    void refusesBinaryReplies() throws Exception {
        server.handle("/hook", exchange -> reply(exchange, 200, "image/png", "\u0089PNG"));

        assertEquals(ToolResult.error("webhook returned unsupported content type image/png"),
                webhook("/hook").call(call("{}")));
    }

    @Test
    void rejectsBadConfiguration() {
        HttpClient client = server.client();
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new WebhookTool(LOOKUP_ORDER, URI.create("ftp://host/x"),
                second, Map.of(), client));
        assertThrows(IllegalArgumentException.class, () -> new WebhookTool(LOOKUP_ORDER, URI.create("/relative"),
                second, Map.of(), client));
        assertThrows(IllegalArgumentException.class, () -> server.webhook("/hook", Duration.ZERO, Map.of()));
        IllegalArgumentException restricted = assertThrows(IllegalArgumentException.class,
                () -> server.webhook("/hook", second, Map.of("Connection", SECRET)));
        assertEquals("webhook lookup_order: header Connection is restricted or malformed", restricted.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> server.webhook("/hook", second, Map.of("X-Api-Key", SECRET + "\r\nX-Injected: 1")));
        assertEquals("webhook lookup_order: header X-Api-Key is restricted or malformed", malformed.getMessage());
        assertNull(malformed.getCause(), "the JDK's message quotes the secret value");
    }

    @Test
    void reportsTheConfiguredTimeout() {
        assertEquals(Duration.ofMillis(2500), server.webhook("/hook", Duration.ofMillis(2500), Map.of()).timeout());
    }

    private WebhookTool webhook(String path) {
        return server.webhook(path, Duration.ofSeconds(5), Map.of());
    }

    private record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        static Recorded of(HttpExchange exchange) throws IOException {
            return new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }

        /** The single value of a header; HttpServer's header map ignores case. */
        String header(String name) {
            List<String> values = headers.get(name);
            assertEquals(1, values == null ? 0 : values.size(), name + " values: " + values);
            return values.getFirst();
        }
    }
}
