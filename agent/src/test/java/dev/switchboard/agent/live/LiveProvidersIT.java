package dev.switchboard.agent.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.gemini.GeminiEndpoint;
import dev.switchboard.agent.gemini.GeminiRealtimeTransport;
import dev.switchboard.agent.openai.Dialect;
import dev.switchboard.agent.openai.OpenAiEndpoint;
import dev.switchboard.agent.openai.OpenAiRealtimeTransport;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real providers, over the internet, with real keys: off by default (the {@code live} group is excluded) and
 * run with {@code ./switchboard test -Plive} (all providers) or {@code -Plive -Dlive.groups=openai} (one). Each
 * test needs its provider's environment variables and fails, naming them, when they are missing: a live run is
 * asked for on purpose, so a missing key is a mistake to report, not a reason to pass.
 *
 * <p>Per provider: the session accepts our configuration in the call's audio format, a spoken reply streams audio
 * and a transcript, a tool call comes back with its arguments and the result gets a spoken answer, and a bad key
 * ends the session as not retryable.
 */
@Tag("live")
class LiveProvidersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ToolDefinition LOOKUP = new ToolDefinition("lookup_order", "Look up an order by its number",
            Map.of("type", "object", "properties", Map.of("order_id", Map.of("type", "string")),
                    "required", List.of("order_id")));
    private static final String INSTRUCTIONS = "You answer an order line. Be very brief. Always use the "
            + "lookup_order tool when asked about an order.";

    private static IoEventLoopGroup group;
    private static EventLoop loop;

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    @Tag("openai")
    void openAi() throws Exception {
        converse(openAi(env("OPENAI_API_KEY")), envOr("OPENAI_REALTIME_MODEL", "gpt-realtime"), AudioFormat.PCMU,
                AudioFormat.PCMU);
        refusesBadKey(openAi("sk-proj-notARealKey0000000000000000"), "gpt-realtime");
    }

    @Test
    @Tag("azure")
    void azure() throws Exception {
        String endpoint = env("AZURE_OPENAI_ENDPOINT");
        String deployment = env("AZURE_OPENAI_DEPLOYMENT");
        converse(new OpenAiRealtimeTransport(OpenAiEndpoint.azure(endpoint, env("AZURE_OPENAI_API_KEY"), null,
                deployment), Dialect.AZURE), deployment, AudioFormat.PCMU, AudioFormat.PCMU);
        refusesBadKey(new OpenAiRealtimeTransport(OpenAiEndpoint.azure(endpoint, "0000000000000000000000000000000",
                null, deployment), Dialect.AZURE), deployment);
    }

    @Test
    @Tag("xai")
    void xai() throws Exception {
        converse(new OpenAiRealtimeTransport(OpenAiEndpoint.xai(null, env("XAI_API_KEY"), null), Dialect.XAI),
                envOr("XAI_REALTIME_MODEL", "grok-voice-latest"), AudioFormat.PCMU, AudioFormat.PCMU);
        refusesBadKey(new OpenAiRealtimeTransport(OpenAiEndpoint.xai(null, "xai-notARealKey00000000000", null),
                Dialect.XAI), "grok-voice-latest");
    }

    @Test
    @Tag("gemini")
    void gemini() throws Exception {
        String model = envOr("GEMINI_LIVE_MODEL", "gemini-2.5-flash-native-audio-preview-12-2025");
        converse(new GeminiRealtimeTransport(GeminiEndpoint.apiKey(null, env("GEMINI_API_KEY"), model)), model,
                AudioFormat.PCM16_16K, AudioFormat.PCM16_24K);
        refusesBadKey(new GeminiRealtimeTransport(GeminiEndpoint.apiKey(null, "AIzaNotARealKey000000000000", model)),
                model);
    }

    private static RealtimeTransport openAi(String key) {
        return new OpenAiRealtimeTransport(OpenAiEndpoint.bearer(null, key, null), Dialect.OPENAI);
    }

    /** A spoken reply to text, then a tool call and a spoken answer to its result. */
    private static void converse(RealtimeTransport transport, String model, AudioFormat in, AudioFormat out)
            throws Exception {
        Events events = new Events();
        SessionConfig config = new SessionConfig(model, INSTRUCTIONS, null, in, out, List.of(LOOKUP));
        RealtimeSession session = loop.submit(() -> transport.open(config, loop, events)).get(10, TimeUnit.SECONDS);
        try {
            events.next(ServerEvent.SessionReady.class);
            send(session, new ClientEvent.UserText("Say hello."));
            send(session, new ClientEvent.CreateResponse());
            events.next(ServerEvent.AudioDelta.class);
            assertEquals("completed", events.next(ServerEvent.ResponseDone.class).status());

            send(session, new ClientEvent.UserText("Where is my order 12345?"));
            send(session, new ClientEvent.CreateResponse());
            ServerEvent.ToolCallDone call = events.next(ServerEvent.ToolCallDone.class);
            assertEquals("lookup_order", call.name());
            assertTrue(call.arguments().contains("12345"), call.arguments());
            events.next(ServerEvent.ResponseDone.class);
            send(session, new ClientEvent.ToolResult(call.callId(), "{\"status\":\"shipped\",\"eta\":\"Tuesday\"}"));
            send(session, new ClientEvent.CreateResponse());
            events.next(ServerEvent.AudioDelta.class);
            events.next(ServerEvent.ResponseDone.class);
        } finally {
            loop.submit(session::close).get(5, TimeUnit.SECONDS);
        }
    }

    private static void refusesBadKey(RealtimeTransport transport, String model) throws Exception {
        Events events = new Events();
        SessionConfig config = new SessionConfig(model, "", null, AudioFormat.PCMU, AudioFormat.PCMU, List.of());
        loop.submit(() -> transport.open(config, loop, events)).get(10, TimeUnit.SECONDS);
        ServerEvent.Closed closed = events.next(ServerEvent.Closed.class);
        assertFalse(closed.retryable(), "a bad key is final: " + closed);
        assertFalse(closed.reason().contains("notARealKey"), closed.reason());
    }

    private static void send(RealtimeSession session, ClientEvent event) throws Exception {
        assertTrue(loop.submit(() -> session.send(event)).get(5, TimeUnit.SECONDS), "sent " + event);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            fail(name + " is not set: live tests need the provider's credentials in the environment");
        }
        return value;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The session's events; {@link #next} skips others until the wanted one, failing on an early close. */
    private static final class Events implements RealtimeListener {
        private final BlockingQueue<ServerEvent> queue = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(ServerEvent event) {
            queue.add(event);
        }

        <T extends ServerEvent> T next(Class<T> type) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                ServerEvent event = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertNotNull(event, "no " + type.getSimpleName() + " within " + WAIT);
                if (type.isInstance(event)) {
                    return type.cast(event);
                }
                if (event instanceof ServerEvent.Closed closed) {
                    fail("closed while waiting for " + type.getSimpleName() + ": " + closed);
                }
            }
        }
    }
}
