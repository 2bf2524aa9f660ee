package dev.switchboard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.tools.Tool;
import dev.switchboard.agent.tools.ToolCall;
import dev.switchboard.agent.tools.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A tool whose behaviour the test writes as a lambda; it records each call it gets and each answer it returns. */
final class ScriptedTool implements Tool {

    @FunctionalInterface
    interface Body {
        ToolResult run(ToolCall call) throws Exception;
    }

    private final String name;
    private final Duration timeout;
    private final Body body;
    private final BlockingQueue<ToolCall> pending = new LinkedBlockingQueue<>();
    private final List<ToolCall> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger returned = new AtomicInteger();

    ScriptedTool(String name, Duration timeout, Body body) {
        this.name = name;
        this.timeout = timeout;
        this.body = body;
    }

    ScriptedTool(String name, Body body) {
        this(name, Duration.ofSeconds(10), body);
    }

    /** A tool that answers every call at once with {@code output}. */
    static ScriptedTool answering(String name, String output) {
        return new ScriptedTool(name, call -> ToolResult.ok(output));
    }

    @Override
    public ToolDefinition definition() {
        return new ToolDefinition(name, "Test tool " + name, null);
    }

    @Override
    public ToolResult call(ToolCall call) throws Exception {
        calls.add(call);
        pending.add(call);
        ToolResult result = body.run(call);
        returned.incrementAndGet();
        return result;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** The next call not yet taken by a test, waiting for it if need be. */
    ToolCall awaitCall() throws InterruptedException {
        ToolCall call = pending.poll(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(call, name + " was never called");
        return call;
    }

    List<ToolCall> calls() {
        return List.copyOf(calls);
    }

    /** How many calls returned normally (with a result or null), rather than throwing. */
    int returned() {
        return returned.get();
    }
}
