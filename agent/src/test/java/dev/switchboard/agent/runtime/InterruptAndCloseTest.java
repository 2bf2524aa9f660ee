package dev.switchboard.agent.runtime;

import static dev.switchboard.agent.runtime.AgentHarness.errorOf;
import static dev.switchboard.agent.runtime.AgentHarness.json;
import static dev.switchboard.agent.runtime.TestProfiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.ServerEvent.ResponseDone;
import dev.switchboard.agent.api.ServerEvent.ResponseStarted;
import dev.switchboard.agent.api.ServerEvent.ToolCallArgumentsDelta;
import dev.switchboard.agent.api.ServerEvent.ToolCallDone;
import dev.switchboard.agent.api.ServerEvent.ToolCallStarted;
import dev.switchboard.agent.tools.ToolCall;
import dev.switchboard.agent.tools.ToolResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Barge-in and the end of the call: running tools stop, each still gets a result, and the model is not prompted. */
class InterruptAndCloseTest {

    private AgentHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private static ScriptedTool blockingTool(String name, Gate gate) {
        return new ScriptedTool(name, call -> {
            gate.pass();
            return ToolResult.ok("{\"stale\":true}");
        });
    }

    @Test
    void interruptCancelsRunningToolsWithoutAskingForAResponse() throws Exception {
        Gate gateA = new Gate();
        Gate gateB = new Gate();
        h = new AgentHarness(profile("front", blockingTool("slow_a", gateA), blockingTool("slow_b", gateB)));
        h.deliver(new ResponseStarted("r1"), new ToolCallDone("c1", "slow_a", "{}"),
                new ToolCallDone("c2", "slow_b", "{}"), new ResponseDone("r1", "completed", null));
        gateA.awaitEntered();
        gateB.awaitEntered();

        h.run(agent -> agent.interrupt("item_7", 0, 1234));
        gateA.awaitInterrupted();
        gateB.awaitInterrupted();
        h.settle();

        List<ClientEvent> sent = h.sent();
        assertEquals(3, sent.size(), sent.toString());
        List<ClientEvent.ToolResult> results = h.sent(ClientEvent.ToolResult.class);
        assertEquals(List.of("c1", "c2"), results.stream().map(ClientEvent.ToolResult::callId).toList());
        for (ClientEvent.ToolResult result : results) {
            assertTrue(errorOf(result).startsWith("cancelled"), result.output());
        }
        assertTrue(sent.contains(new ClientEvent.Interrupt("item_7", 0, 1234)), sent.toString());
        assertEquals(List.of(), h.sent(ClientEvent.CreateResponse.class));
    }

    @Test
    void interruptWithNothingRunningOnlyTellsTheSession() throws Exception {
        h = new AgentHarness(profile("front"));

        h.run(agent -> agent.interrupt(null, 0, 0));
        h.settle();

        assertEquals(List.of(new ClientEvent.Interrupt(null, 0, 0)), h.sent());
    }

    @Test
    void aHalfStreamedCallIsNotRunByTheInterrupt() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{}");
        h = new AgentHarness(profile("front", lookup));
        h.deliver(new ToolCallStarted("c3", "lookup"), new ToolCallArgumentsDelta("c3", "{\"city\":\"Pa"));

        h.run(agent -> agent.interrupt("item_7", 0, 500));
        h.settle();

        assertEquals(List.of(), lookup.calls());
        assertEquals(List.of(new ClientEvent.Interrupt("item_7", 0, 500)), h.sent());
    }

    @Test
    void fragmentsStreamedBeforeTheInterruptNeverReachTheTool() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{}");
        h = new AgentHarness(profile("front", lookup));
        h.deliver(new ToolCallStarted("c3", "lookup"), new ToolCallArgumentsDelta("c3", "{\"city\":\"Paris\"}"));
        h.run(agent -> agent.interrupt("item_7", 0, 500));

        h.deliver(new ToolCallDone("c3", "lookup", ""));
        h.settle();

        for (ToolCall call : lookup.calls()) {
            assertNotEquals(json("{\"city\":\"Paris\"}"), call.arguments(), "stale fragments were used");
        }
    }

    /**
     * Documents current behaviour: the interrupt forgets a half-streamed call's fragments, but a "done" that arrives
     * for it afterwards is dispatched like any other call, with the done event's own arguments.
     */
    @Test
    void aCallStillStreamingWhenTheCallerInterruptedIsNeverRun() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{\"found\":true}");
        h = new AgentHarness(profile("front", lookup));
        h.deliver(new ToolCallStarted("c3", "lookup"), new ToolCallArgumentsDelta("c3", "{\"city\":\"Pa"));
        h.run(agent -> agent.interrupt("item_7", 0, 500));

        h.deliver(new ToolCallDone("c3", "lookup", "{\"city\":\"Rome\"}"));
        h.settle();

        assertEquals(List.of(), lookup.calls(), "seed 000: a half-streamed call is dropped on interruption, not run later");
        assertEquals(List.of(new ClientEvent.Interrupt("item_7", 0, 500)), h.sent());
    }

    @Test
    void aResponseWantedBeforeTheInterruptIsNotAskedForByIt() throws Exception {
        Gate gate = new Gate();
        h = new AgentHarness(profile("front", ScriptedTool.answering("fast", "{\"ok\":1}"),
                blockingTool("slow", gate)));
        h.deliver(new ResponseStarted("r1"), new ToolCallDone("c1", "fast", "{}"),
                new ToolCallDone("c2", "slow", "{}"), new ResponseDone("r1", "completed", null));
        gate.awaitEntered();
        h.timeline.await(ClientEvent.ToolResult.class);

        h.run(agent -> agent.interrupt("it", 0, 100));
        gate.awaitInterrupted();
        h.settle();

        assertEquals(List.of(), h.sent(ClientEvent.CreateResponse.class),
                "the fast tool's pending answer and the cancellation must not make the model talk over the caller");
    }

    @Test
    void closeCancelsRunningTools() throws Exception {
        Gate gate = new Gate();
        h = new AgentHarness(profile("front", blockingTool("slow", gate)));
        h.deliver(new ToolCallDone("c1", "slow", "{}"));
        gate.awaitEntered();

        h.run(RealtimeAgent::close);
        gate.awaitInterrupted();
        h.settle();

        List<ClientEvent.ToolResult> results = h.sent(ClientEvent.ToolResult.class);
        assertEquals(1, results.size());
        assertEquals("c1", results.getFirst().callId());
        assertTrue(errorOf(results.getFirst()).startsWith("cancelled"), results.getFirst().output());
        assertEquals(List.of(), h.sent(ClientEvent.CreateResponse.class));
    }
}
