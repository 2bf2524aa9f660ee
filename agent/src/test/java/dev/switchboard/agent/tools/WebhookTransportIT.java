package dev.switchboard.agent.tools;

import static dev.switchboard.agent.tools.LoopbackWebhookServer.LOOKUP_ORDER;
import static dev.switchboard.agent.tools.LoopbackWebhookServer.call;
import static dev.switchboard.agent.tools.LoopbackWebhookServer.millisSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks that never answer, cannot be reached, or are cancelled, on loopback. */
class WebhookTransportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

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
    void timesOutWhenNoReplyComes() throws Exception {
        server.handle("/hook", exchange -> server.hang());

        long start = System.nanoTime();
        ToolResult result = server.webhook("/hook", TIMEOUT, Map.of()).call(call("{}"));
        long millis = millisSince(start);

        assertEquals(ToolResult.error("webhook timed out after 1 s"), result);
        assertTrue(millis >= 900 && millis < TIMEOUT.toMillis() + 2000, "took " + millis + " ms");
    }

    @Test
    void timesOutWhenTheReplyNeverEnds() throws Exception {
        server.handle("/hook", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"status\":".getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseBody().flush();
            server.hang();
        });

        long start = System.nanoTime();
        ToolResult result = server.webhook("/hook", TIMEOUT, Map.of()).call(call("{}"));
        long millis = millisSince(start);

        assertEquals(ToolResult.error("webhook timed out after 1 s"), result);
        assertTrue(millis >= 900 && millis < TIMEOUT.toMillis() + 2000, "took " + millis + " ms");
    }

    @Test
    void reportsARefusedConnectionAsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        ToolResult result = webhookAt("http", closedPort, TIMEOUT).call(call("{}"));

        assertEquals(ToolResult.error("webhook unreachable: connection refused"), result);
    }

    @Test
    void reportsATlsFailureAsUnreachable() throws Exception {
        try (ServerSocket plainHttp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerInPlainHttp(plainHttp));

            ToolResult result = webhookAt("https", plainHttp.getLocalPort(), TIMEOUT).call(call("{}"));

            assertTrue(result.error());
            String message = JSON.readTree(result.output()).path("error").asText();
            assertTrue(message.startsWith("webhook unreachable: TLS failure: "), message);
        }
    }

    @Test
    void anInterruptAbortsTheExchangePromptly() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> requestSeen = new CompletableFuture<>();
            CompletableFuture<Void> connectionClosed = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> neverAnswer(listener, requestSeen, connectionClosed));
            WebhookTool tool = webhookAt("http", listener.getLocalPort(), Duration.ofSeconds(30));
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    outcome.complete(tool.call(call("{}")));
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });

            requestSeen.get(5, TimeUnit.SECONDS);
            long start = System.nanoTime();
            caller.interrupt();
            Object result = outcome.get(5, TimeUnit.SECONDS);
            long millis = millisSince(start);

            assertInstanceOf(InterruptedException.class, result);
            assertTrue(millis < 200, "took " + millis + " ms to stop");
            // Closed from the JDK client's selector thread, which may idle up to 3 s first.
            connectionClosed.get(10, TimeUnit.SECONDS);
        }
    }

    private WebhookTool webhookAt(String scheme, int port, Duration timeout) {
        return new WebhookTool(LOOKUP_ORDER, URI.create(scheme + "://127.0.0.1:" + port + "/hook"), timeout,
                Map.of(), server.client());
    }

    /** Answers whatever arrives (a TLS ClientHello, here) with a plain-text HTTP response, as a plain server would. */
    private static void answerInPlainHttp(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(10_000);
            socket.getInputStream().read(new byte[512]);
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the client gave up; the test reads its result
        }
    }

    /** Reads the request head, says so, then reads on until the client closes the connection. */
    private static void neverAnswer(ServerSocket listener, CompletableFuture<Void> requestSeen,
            CompletableFuture<Void> connectionClosed) {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
                head.append((char) b);
            }
            requestSeen.complete(null);
            while (in.read() >= 0) {
                // discard the body; end of stream means the client closed
            }
            connectionClosed.complete(null);
        } catch (SocketTimeoutException e) {
            requestSeen.completeExceptionally(e);
            connectionClosed.completeExceptionally(e);
        } catch (IOException e) {
            if (requestSeen.isDone()) {
                connectionClosed.complete(null); // a reset is a close too
            } else {
                requestSeen.completeExceptionally(e);
            }
        }
    }
}
