package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.agent.ws.ScriptedWebSocketServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Peer;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback stand-in for the OpenAI Realtime GA WebSocket API (realtime-protocols §2), for tests that run whole
 * calls against an OpenAI-protocol provider. On its own it does what the real server does unasked:
 * {@code session.created} on connect, {@code session.updated} echoing each {@code session.update},
 * {@code conversation.item.added} for each {@code conversation.item.create}, and a cancelled {@code response.done}
 * for a {@code response.cancel} of a running response. Replies are driven by the test through a
 * {@link Connection}: a spoken message, a function call, or a reply cut off by a dropped socket.
 * {@link #outage} makes it refuse new connections the way an overloaded provider does.
 */
public final class FakeOpenAiProvider implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    /** Audio deltas carry 200 ms of G.711 each, as the real server's are a few hundred ms. */
    public static final int DELTA_BYTES = 1_600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERLOADED = "{\"error\":{\"message\":\"The server is overloaded.\","
            + "\"type\":\"server_error\",\"code\":\"server_overloaded\"}}";

    private final ScriptedWebSocketServer server;
    private final Map<Peer, Connection> connections = new ConcurrentHashMap<>();
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    public FakeOpenAiProvider() {
        server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
            @Override
            public void onOpen(Peer peer) {
                Connection connection = new Connection(peer);
                connections.put(peer, connection);
                connection.send(event("session.created").set("session", session()));
                opened.add(connection);
            }

            @Override
            public void onText(Peer peer, String text) {
                connections.get(peer).receive(text);
            }
        });
    }

    /** The base URL a provider config names: {@code ws://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return server.uri("/v1").toString();
    }

    /** The next connection a client opened, waiting up to {@link #WAIT}. */
    public Connection nextConnection() throws InterruptedException {
        Connection next = opened.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no client connected within " + WAIT);
        }
        return next;
    }

    /** Whether a client connected within {@code wait}; for asserting that none does. */
    public Connection pollConnection(Duration wait) throws InterruptedException {
        return opened.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** New connections are refused with 503 {@code server_overloaded} until {@link #recover}. */
    public void outage() {
        server.refuseUpgrades(HttpResponseStatus.SERVICE_UNAVAILABLE, OVERLOADED);
    }

    /** How many connection attempts {@link #outage} has refused so far. */
    public int refusedAttempts() {
        return server.refusedUpgrades();
    }

    public void recover() {
        server.acceptUpgrades();
    }

    @Override
    public void close() {
        server.close();
    }

    private String id(String prefix) {
        return prefix + "_" + ids.incrementAndGet();
    }

    private static ObjectNode event(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private static ObjectNode session() {
        return JsonNodeFactory.instance.objectNode().put("type", "realtime").put("model", "gpt-realtime");
    }

    /** One client connection, seen from the server. Its methods may be called from any thread. */
    public final class Connection {

        private final Peer peer;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final ByteArrayOutputStream appended = new ByteArrayOutputStream();
        private volatile String activeResponse;

        private Connection(Peer peer) {
            this.peer = peer;
        }

        /** Every client event received so far, in order. */
        public List<JsonNode> received() {
            return List.copyOf(received);
        }

        /** The client events of {@code type} received so far. */
        public List<JsonNode> received(String type) {
            return received.stream().filter(event -> type.equals(event.path("type").asText())).toList();
        }

        /** The first client event of {@code type} matching {@code test}, waiting up to {@link #WAIT}. */
        public JsonNode await(String type, Predicate<JsonNode> test) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode event : received(type)) {
                    if (test.test(event)) {
                        return event;
                    }
                }
                synchronized (this) {
                    wait(20);
                }
            }
            throw new AssertionError("no " + type + " within " + WAIT + "; received " + types());
        }

        public JsonNode await(String type) throws InterruptedException {
            return await(type, event -> true);
        }

        /** The decoded bytes of every {@code input_audio_buffer.append}, concatenated. */
        public byte[] appendedAudio() {
            synchronized (appended) {
                return appended.toByteArray();
            }
        }

        /** Streams a complete spoken reply: the message item, its audio in deltas, its transcript. */
        public String speak(String transcript, byte[] audio) {
            String response = begin();
            String item = addMessage(response);
            streamAudio(response, item, audio, Integer.MAX_VALUE);
            send(event("response.output_audio.done").put("response_id", response).put("item_id", item));
            send(event("response.output_audio_transcript.done").put("response_id", response).put("item_id", item)
                    .put("content_index", 0).put("transcript", transcript));
            send(event("response.output_item.done").put("response_id", response)
                    .set("item", messageItem(item, "completed")));
            finish(response, "completed");
            return response;
        }

        /** Starts a spoken reply, streams {@code deltas} of its audio, then drops the socket mid-response. */
        public void speakAndDrop(byte[] audio, int deltas) {
            String response = begin();
            streamAudio(response, addMessage(response), audio, deltas);
            peer.drop();
        }

        /** A response whose only output is a call of {@code name} with {@code arguments}, streamed in two pieces. */
        public void callTool(String callId, String name, String arguments) {
            String response = begin();
            String item = id("item");
            ObjectNode call = JsonNodeFactory.instance.objectNode().put("id", item).put("type", "function_call")
                    .put("call_id", callId).put("name", name).put("arguments", "").put("status", "in_progress");
            send(event("response.output_item.added").put("response_id", response).put("output_index", 0)
                    .set("item", call));
            int half = arguments.length() / 2;
            for (String piece : List.of(arguments.substring(0, half), arguments.substring(half))) {
                send(event("response.function_call_arguments.delta").put("response_id", response)
                        .put("item_id", item).put("output_index", 0).put("call_id", callId).put("delta", piece));
            }
            send(event("response.function_call_arguments.done").put("response_id", response).put("item_id", item)
                    .put("output_index", 0).put("call_id", callId).put("name", name).put("arguments", arguments));
            send(event("response.output_item.done").put("response_id", response)
                    .set("item", call.deepCopy().put("arguments", arguments).put("status", "completed")));
            finish(response, "completed");
        }

        /** Drops the TCP connection without a closing handshake, as a network failure does. */
        public void drop() {
            peer.drop();
        }

        private String types() {
            return received.stream().map(event -> event.path("type").asText()).toList().toString();
        }

        private String begin() {
            String response = id("resp");
            activeResponse = response;
            send(event("response.created").set("response", JsonNodeFactory.instance.objectNode()
                    .put("id", response).put("object", "realtime.response").put("status", "in_progress")));
            return response;
        }

        private String addMessage(String response) {
            String item = id("item");
            send(event("response.output_item.added").put("response_id", response).put("output_index", 0)
                    .set("item", messageItem(item, "in_progress")));
            send(event("response.content_part.added").put("response_id", response).put("item_id", item)
                    .put("content_index", 0).set("part", JsonNodeFactory.instance.objectNode().put("type", "audio")));
            return item;
        }

        private ObjectNode messageItem(String item, String status) {
            return JsonNodeFactory.instance.objectNode().put("id", item).put("type", "message")
                    .put("role", "assistant").put("status", status);
        }

        private void streamAudio(String response, String item, byte[] audio, int maxDeltas) {
            for (int at = 0, sent = 0; at < audio.length && sent < maxDeltas; at += DELTA_BYTES, sent++) {
                byte[] chunk = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + DELTA_BYTES));
                send(event("response.output_audio.delta").put("response_id", response).put("item_id", item)
                        .put("output_index", 0).put("content_index", 0)
                        .put("delta", Base64.getEncoder().encodeToString(chunk)));
            }
        }

        private void finish(String response, String status) {
            activeResponse = null;
            ObjectNode usage = JsonNodeFactory.instance.objectNode().put("total_tokens", 30)
                    .put("input_tokens", 20).put("output_tokens", 10);
            send(event("response.done").set("response", JsonNodeFactory.instance.objectNode().put("id", response)
                    .put("object", "realtime.response").put("status", status).set("usage", usage)));
        }

        private void send(ObjectNode event) {
            event.put("event_id", id("event"));
            peer.sendText(event.toString());
        }

        /** Runs on the server's loop: records the event and answers what the real server answers unasked. */
        private void receive(String text) {
            JsonNode event;
            try {
                event = JSON.readTree(text);
            } catch (Exception e) {
                send(event("error").set("error", JsonNodeFactory.instance.objectNode()
                        .put("type", "invalid_request_error").put("code", "invalid_json").put("message", e.getMessage())));
                return;
            }
            switch (event.path("type").asText()) {
                case "session.update" -> send(event("session.updated").set("session",
                        ((ObjectNode) event.path("session").deepCopy()).put("model", "gpt-realtime")));
                case "conversation.item.create" -> {
                    ObjectNode item = ((ObjectNode) event.path("item").deepCopy());
                    if (!item.has("id")) {
                        item.put("id", id("item"));
                    }
                    send(event("conversation.item.added").put("previous_item_id", (String) null).set("item", item));
                }
                case "input_audio_buffer.append" -> {
                    byte[] audio = Base64.getDecoder().decode(event.path("audio").asText());
                    synchronized (appended) {
                        appended.writeBytes(audio);
                    }
                }
                case "response.cancel" -> {
                    String active = activeResponse;
                    if (active != null) {
                        finish(active, "cancelled");
                    }
                }
                default -> { }
            }
            received.add(event);
            synchronized (this) {
                notifyAll();
            }
        }
    }
}
