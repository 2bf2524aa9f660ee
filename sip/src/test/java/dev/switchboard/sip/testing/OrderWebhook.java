package dev.switchboard.sip.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A shop's order-lookup webhook on loopback, for calls that exercise tools: order 12345 is shipped, 55555 answers
 * only after {@link #SLOW_MILLIS}, 99999 fails with HTTP 500, anything else is 404. Every
 * request is recorded with its arrival time.
 */
public final class OrderWebhook implements AutoCloseable {

    public static final long SLOW_MILLIS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Request(long arrivalNanos, JsonNode body) {}

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    public OrderWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/orders", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/orders";
    }

    /** The next request, or an assertion error after {@code seconds}. */
    public Request next(long seconds) throws InterruptedException {
        Request request = requests.poll(seconds, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the order webhook was not called within " + seconds + " s");
        }
        return request;
    }

    /** A request already received and not yet taken, or {@code null}: for asserting that none came. */
    public Request poll() {
        return requests.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        requests.add(new Request(System.nanoTime(), body));
        String order = body.path("arguments").path("order_id").asText();
        switch (order) {
            case "12345" -> reply(exchange, 200, "{\"order_id\":\"12345\",\"status\":\"shipped\",\"eta\":\"Tuesday\"}");
            case "55555" -> slow(exchange);
            case "99999" -> reply(exchange, 500, "{\"error\":\"database unavailable\"}");
            default -> reply(exchange, 404, "{\"error\":\"no such order\"}");
        }
    }

    /** Answers after {@link #SLOW_MILLIS}: a slow backend. */
    private void slow(HttpExchange exchange) throws IOException {
        try {
            new CountDownLatch(1).await(SLOW_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reply(exchange, 200, "{\"order_id\":\"55555\",\"status\":\"processing\",\"eta\":\"Friday\"}");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
