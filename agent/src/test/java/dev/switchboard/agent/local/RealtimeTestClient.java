package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A realtime client built on the JDK's own WebSocket implementation, independent of Netty: collects every server
 * event in a queue and lets a test wait for them with timeouts.
 */
final class RealtimeTestClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private RealtimeTestClient(HttpClient http, URI uri) throws Exception {
        this.socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer sk-test-not-a-secret")
                .connectTimeout(TIMEOUT)
                .buildAsync(uri, new Collector())
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static RealtimeTestClient connect(HttpClient http, URI uri) throws Exception {
        return new RealtimeTestClient(http, uri);
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(ObjectNode event) throws Exception {
        send(JSON.writeValueAsString(event));
    }

    void sendBinary(byte[] data) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(data), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** Sends audio as {@code input_audio_buffer.append} events of {@code chunkMs} each. */
    void appendAudio(byte[] pcm, int chunkMs) throws Exception {
        int chunk = chunkMs * Pcm24k.BYTES_PER_MS;
        for (int offset = 0; offset < pcm.length; offset += chunk) {
            byte[] part = Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + chunk));
            send(event("input_audio_buffer.append").put("audio", Base64.getEncoder().encodeToString(part)));
        }
    }

    /** The next server event, failing the test when none comes in time. */
    JsonNode next() throws InterruptedException {
        JsonNode event = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no server event within " + TIMEOUT);
        return event;
    }

    /** The next server event, which must be of {@code type}. */
    JsonNode expect(String type) throws InterruptedException {
        JsonNode event = next();
        assertEquals(type, event.path("type").asText(), () -> "unexpected event " + event);
        return event;
    }

    /** The next event that is not an audio delta, which must be of {@code type}. */
    JsonNode expectSkippingDeltas(String type) throws InterruptedException {
        JsonNode event = next();
        while ("response.output_audio.delta".equals(event.path("type").asText())) {
            event = next();
        }
        JsonNode found = event;
        assertEquals(type, found.path("type").asText(), () -> "unexpected event " + found);
        return found;
    }

    /** All events up to and including the first one of {@code type}. */
    List<JsonNode> until(String type) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        JsonNode event;
        do {
            event = next();
            events.add(event);
        } while (!type.equals(event.path("type").asText()));
        return events;
    }

    /** The close code the server sent. */
    int awaitClose() throws Exception {
        return closeCode.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Reassembles fragmented text messages (onText may deliver parts) and asks for one message at a time. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    closeCode.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
