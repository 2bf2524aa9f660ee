package dev.switchboard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.tools.CallInfo;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One agent on a real single-thread event loop, with a recording session and host and a tracking virtual-thread
 * executor. Every call into the agent is made on the loop, as the runtime requires.
 */
final class AgentHarness implements AutoCloseable {

    static final CallInfo CALL = new CallInfo("call-1", "sip:alice@example.org", "sip:desk@example.org", "front");

    private static final ObjectMapper JSON = new ObjectMapper();

    final Timeline timeline = new Timeline();
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final EventLoop loop = group.next();
    final TrackingExecutor executor = new TrackingExecutor();
    final RealtimeAgent agent;

    /** An agent starting as {@code profile}, able to hand over to {@code others} by name. */
    AgentHarness(AgentProfile profile, AgentProfile... others) {
        Map<String, AgentProfile> byName = new HashMap<>();
        for (AgentProfile other : others) {
            byName.put(other.name(), other);
        }
        FakeSession session = new FakeSession(timeline, loop);
        RecordingHost host = new RecordingHost(timeline, loop);
        agent = onLoop(() -> new RealtimeAgent("test-call", session, profile, CALL, loop, executor,
                name -> Optional.ofNullable(byName.get(name)), host));
    }

    <T> T onLoop(Callable<T> task) {
        try {
            return loop.submit(task).get(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the event loop did not run a task within " + Timeline.WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    void run(Consumer<RealtimeAgent> action) {
        onLoop(() -> {
            action.accept(agent);
            return null;
        });
    }

    /** Feeds the agent these events, in order, in one loop task. */
    void deliver(ServerEvent... events) {
        run(agent -> {
            for (ServerEvent event : events) {
                agent.onEvent(event);
            }
        });
    }

    /** Waits until the loop has run everything queued on it so far. */
    void flushLoop() {
        onLoop(() -> null);
    }

    /**
     * Waits until every background task (tool, guardrail check) has ended and the loop has handled what each
     * handed back. Only for tests in which no task is left blocked.
     */
    void settle() throws Exception {
        int before;
        do {
            before = executor.submitted();
            executor.awaitIdle();
            flushLoop();
        } while (executor.submitted() != before);
    }

    List<ClientEvent> sent() {
        return timeline.of(ClientEvent.class);
    }

    <T extends ClientEvent> List<T> sent(Class<T> type) {
        return timeline.of(type);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of an error output ({@code {"error": message}}); fails when the output is not one. */
    static String errorOf(ClientEvent.ToolResult result) {
        JsonNode error = json(result.output()).get("error");
        if (error == null || !error.isTextual()) {
            throw new AssertionError("not an error output: " + result.output());
        }
        return error.asText();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        assertEquals(List.of(), timeline.of(Timeline.OffLoop.class), "the agent left its event loop");
    }
}
