package dev.switchboard.agent.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.tools.CallInfo;
import dev.switchboard.agent.tools.Tool;
import dev.switchboard.agent.tools.ToolCall;
import dev.switchboard.agent.tools.ToolResult;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the model's function calls in the background while the call's audio keeps flowing (seed 000).
 *
 * <p>Arguments stream in as fragments and are complete at the call's "done" event; the tool then runs on a
 * virtual thread, bounded by its timeout, and its result is handed back on the call's event loop. Every call ends
 * in exactly one result: the tool's own, or an error the model can talk about (unknown tool, malformed arguments,
 * an exception, a timeout, a cancellation) — never a crash, never silence.
 *
 * <p>Threading: confined to the call's event loop, except the tool bodies, which run on {@code executor}.
 */
final class ToolDispatcher {

    /** Receives each call's single result, on the loop. */
    interface Results {
        void completed(String callId, String name, ToolResult result);
    }

    private static final Logger log = LoggerFactory.getLogger(ToolDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final EventLoop loop;
    private final ExecutorService executor;
    private final CallInfo call;
    private final Results results;
    private final Map<String, StringBuilder> streaming = new HashMap<>();
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    /** Calls that were still streaming when the caller interrupted: their "done" must not run them after all. */
    private final Set<String> dropped = new HashSet<>();

    private record InFlight(String tool, Future<?> task, ScheduledFuture<?> timeout, long startNanos) {}

    ToolDispatcher(String name, EventLoop loop, ExecutorService executor, CallInfo call, Results results) {
        this.name = name;
        this.loop = loop;
        this.executor = executor;
        this.call = call;
        this.results = results;
    }

    void started(String callId) {
        streaming.put(callId, new StringBuilder());
    }

    void argumentsDelta(String callId, String fragment) {
        StringBuilder arguments = streaming.get(callId);
        if (arguments != null) {
            arguments.append(fragment);
        }
    }

    /** The call's arguments are complete: run it (with {@code arguments}, or the fragments if that is empty). */
    void done(String callId, String toolName, String arguments, Map<String, Tool> tools) {
        if (dropped.remove(callId)) {
            log.info("{}: tool {} ({}) not run: the caller interrupted while it was being asked for", name,
                    toolName, callId);
            return;
        }
        StringBuilder streamed = streaming.remove(callId);
        String json = arguments != null && !arguments.isBlank() ? arguments
                : streamed != null ? streamed.toString() : "";
        Tool tool = tools.get(toolName);
        if (tool == null) {
            log.warn("{}: the model called unknown tool '{}'", name, toolName);
            results.completed(callId, toolName, ToolResult.error("unknown tool: " + toolName));
            return;
        }
        JsonNode parsed;
        try {
            parsed = json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            log.warn("{}: malformed arguments for tool {}: {}", name, toolName, abbreviate(json));
            results.completed(callId, toolName, ToolResult.error("malformed arguments for " + toolName
                    + ": expected a JSON object"));
            return;
        }
        run(callId, tool, new ToolCall(callId, toolName, parsed, call));
    }

    private void run(String callId, Tool tool, ToolCall toolCall) {
        log.info("{}: tool {} ({}) started", name, toolCall.name(), callId);
        Future<?> task = executor.submit(() -> {
            ToolResult result = invoke(tool, toolCall);
            if (result != null) {
                loop.execute(() -> finish(callId, result));
            }
        });
        long millis = tool.timeout().toMillis();
        ScheduledFuture<?> timeout = loop.schedule(() -> timedOut(callId, millis), millis, TimeUnit.MILLISECONDS);
        inFlight.put(callId, new InFlight(toolCall.name(), task, timeout, System.nanoTime()));
    }

    /** Runs the tool body on its virtual thread; {@code null} when it was interrupted (the result is given). */
    private static ToolResult invoke(Tool tool, ToolCall toolCall) {
        try {
            ToolResult result = tool.call(toolCall);
            return result != null ? result : ToolResult.error(toolCall.name() + " returned nothing");
        } catch (InterruptedException e) {
            return null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Including errors such as AssertionError from a buggy tool: the model still gets an answer.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return ToolResult.error(toolCall.name() + " failed: " + why);
        }
    }

    private void finish(String callId, ToolResult result) {
        InFlight running = inFlight.remove(callId);
        if (running == null) {
            return; // timed out or cancelled meanwhile; that result was already given
        }
        running.timeout().cancel(false);
        log.info("{}: tool {} ({}) {} in {} ms{}", name, running.tool(), callId, result.error() ? "failed" : "ok",
                elapsedMillis(running), result.error() ? ": " + abbreviate(result.output()) : "");
        results.completed(callId, running.tool(), result);
    }

    private void timedOut(String callId, long millis) {
        InFlight running = inFlight.remove(callId);
        if (running == null) {
            return;
        }
        running.task().cancel(true);
        log.warn("{}: tool {} ({}) timed out after {} ms", name, running.tool(), callId, millis);
        results.completed(callId, running.tool(), ToolResult.error(running.tool() + " timed out after "
                + (millis >= 1000 ? millis / 1000 + " s" : millis + " ms")));
    }

    /**
     * The caller interrupted: stops every running tool and forgets half-streamed calls, so nothing stale runs
     * after the caller has moved on. Each stopped call still gets a result, which the model reads with the
     * caller's next turn; none asks for a response.
     */
    void cancelAll(String why) {
        dropped.addAll(streaming.keySet());
        streaming.clear();
        List<String> callIds = new ArrayList<>(inFlight.keySet());
        for (String callId : callIds) {
            InFlight running = inFlight.remove(callId);
            running.task().cancel(true);
            running.timeout().cancel(false);
            log.info("{}: tool {} ({}) cancelled after {} ms: {}", name, running.tool(), callId,
                    elapsedMillis(running), why);
            ToolResult cancelled = ToolResult.error("cancelled: " + why);
            results.completed(callId, running.tool(), new ToolResult(cancelled.output(), true, false));
        }
    }

    /** Forgets a call handled elsewhere (a handoff), so its streamed arguments are not kept. */
    void forget(String callId) {
        streaming.remove(callId);
    }

    int running() {
        return inFlight.size();
    }

    private static long elapsedMillis(InFlight running) {
        return (System.nanoTime() - running.startNanos()) / 1_000_000;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
