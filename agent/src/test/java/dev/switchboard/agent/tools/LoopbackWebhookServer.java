package dev.switchboard.agent.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.agent.api.ToolDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook endpoint on 127.0.0.1 (ephemeral port) whose paths the test fills with handlers, and the HTTP client
 * the tools share. Handlers that {@link #hang()} are released on {@link #close()}.
 */
final class LoopbackWebhookServer implements AutoCloseable {

    static final ToolDefinition LOOKUP_ORDER = new ToolDefinition("lookup_order", "Finds an order", null);
    static final CallInfo CALL = new CallInfo("call-7", "+4930111", "+4930222", "orders");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch release = new CountDownLatch(1);

    LoopbackWebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    HttpClient client() {
        return client;
    }

    void handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    WebhookTool webhook(String path, Duration timeout, Map<String, String> headers) {
        return new WebhookTool(LOOKUP_ORDER, url(path), timeout, headers, client);
    }

    /** Blocks a handler until the test ends. */
    void hang() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        client.shutdownNow();
        server.stop(0);
    }

    static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends {@code bytes} as text, chunked, so the client cannot know the length in advance. */
    static void stream(HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int offset = 0; offset < bytes.length; offset += 1000) {
                out.write(bytes, offset, Math.min(1000, bytes.length - offset));
            }
        }
    }

    static ToolCall call(String arguments) throws IOException {
        return new ToolCall("fc_1", LOOKUP_ORDER.name(), JSON.readTree(arguments), CALL);
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
