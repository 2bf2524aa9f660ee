package dev.switchboard.agent.runtime;

import static dev.switchboard.agent.runtime.AgentHarness.errorOf;
import static dev.switchboard.agent.runtime.AgentHarness.json;
import static dev.switchboard.agent.runtime.TestProfiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.ClientEvent.CreateResponse;
import dev.switchboard.agent.api.ServerEvent.ResponseDone;
import dev.switchboard.agent.api.ServerEvent.ResponseStarted;
import dev.switchboard.agent.api.ServerEvent.ToolCallArgumentsDelta;
import dev.switchboard.agent.api.ServerEvent.ToolCallDone;
import dev.switchboard.agent.api.ServerEvent.ToolCallStarted;
import dev.switchboard.agent.tools.ToolCall;
import dev.switchboard.agent.tools.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tool calls (seed 000): arguments assembled, tools run in the background, every call ends in one result. */
class ToolDispatchTest {

    private AgentHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void argumentsStreamedInFragmentsReachTheToolAsOneJsonObject() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{\"found\":true}");
        h = new AgentHarness(profile("front", lookup));

        h.deliver(new ToolCallStarted("c1", "lookup"),
                new ToolCallArgumentsDelta("c1", "{\"ci"),
                new ToolCallArgumentsDelta("c1", "ty\":\"Pa"),
                new ToolCallArgumentsDelta("c1", "ris\",\"n"),
                new ToolCallArgumentsDelta("c1", "\":3}"),
                new ToolCallDone("c1", "lookup", ""));

        ToolCall call = lookup.awaitCall();
        assertEquals("c1", call.callId());
        assertEquals("lookup", call.name());
        assertEquals(json("{\"city\":\"Paris\",\"n\":3}"), call.arguments());
        assertEquals(AgentHarness.CALL, call.call());
    }

    @Test
    void fragmentsOfInterleavedCallsAreKeptApart() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{}");
        h = new AgentHarness(profile("front", lookup));

        h.deliver(new ToolCallStarted("c1", "lookup"),
                new ToolCallStarted("c2", "lookup"),
                new ToolCallArgumentsDelta("c1", "{\"city\":"),
                new ToolCallArgumentsDelta("c2", "{\"city\":"),
                new ToolCallArgumentsDelta("c2", "\"Lima\"}"),
                new ToolCallArgumentsDelta("c1", "\"Oslo\"}"),
                new ToolCallDone("c2", "lookup", null),
                new ToolCallDone("c1", "lookup", ""));
        h.settle();

        Map<String, ToolCall> byId = lookup.calls().stream()
                .collect(Collectors.toMap(ToolCall::callId, Function.identity()));
        assertEquals(json("{\"city\":\"Oslo\"}"), byId.get("c1").arguments());
        assertEquals(json("{\"city\":\"Lima\"}"), byId.get("c2").arguments());
    }

    @Test
    void theDoneEventsOwnArgumentsWinOverTheFragments() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{}");
        h = new AgentHarness(profile("front", lookup));

        h.deliver(new ToolCallStarted("c1", "lookup"),
                new ToolCallArgumentsDelta("c1", "{\"city\":\"Rome\"}"),
                new ToolCallDone("c1", "lookup", "{\"city\":\"Oslo\"}"));

        assertEquals(json("{\"city\":\"Oslo\"}"), lookup.awaitCall().arguments());
    }

    @Test
    void aCallWithNoArgumentsGetsAnEmptyObject() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{}");
        h = new AgentHarness(profile("front", lookup));

        h.deliver(new ToolCallStarted("c1", "lookup"), new ToolCallDone("c1", "lookup", ""));

        assertEquals(json("{}"), lookup.awaitCall().arguments());
    }

    @Test
    void aResultIsSentAndThenTheModelIsAskedToSpeak() throws Exception {
        h = new AgentHarness(profile("front", ScriptedTool.answering("weather", "{\"temp\":21}")));

        h.deliver(new ResponseStarted("r1"), new ToolCallDone("c1", "weather", "{}"),
                new ResponseDone("r1", "completed", null));
        h.timeline.await(ClientEvent.ToolResult.class);
        h.settle();

        assertEquals(List.of(new ClientEvent.ToolResult("c1", "{\"temp\":21}"), new CreateResponse()), h.sent());
    }

    @Test
    void aResultReadyWhileTheModelIsStillSpeakingWaitsForTheResponseToEnd() throws Exception {
        h = new AgentHarness(profile("front", ScriptedTool.answering("weather", "{\"temp\":21}")));

        h.deliver(new ResponseStarted("r1"), new ToolCallDone("c1", "weather", "{}"));
        h.timeline.await(ClientEvent.ToolResult.class);
        h.settle();
        assertEquals(List.of(new ClientEvent.ToolResult("c1", "{\"temp\":21}")), h.sent(),
                "no response while one runs");

        h.deliver(new ResponseDone("r1", "completed", null));

        assertEquals(List.of(new ClientEvent.ToolResult("c1", "{\"temp\":21}"), new CreateResponse()), h.sent());
    }

    @Test
    void slowToolsRunAtOnceAndOneResponseFollowsTheLastResult() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Gate gateA = new Gate();
        Gate gateB = new Gate();
        ScriptedTool a = new ScriptedTool("slow_a", call -> rendezvousThen(bothRunning, gateA, "{\"a\":1}"));
        ScriptedTool b = new ScriptedTool("slow_b", call -> rendezvousThen(bothRunning, gateB, "{\"b\":2}"));
        h = new AgentHarness(profile("front", a, b));

        h.deliver(new ResponseStarted("r1"), new ToolCallDone("c1", "slow_a", "{}"),
                new ToolCallDone("c2", "slow_b", "{}"), new ResponseDone("r1", "completed", null));
        // Each tool waits at the rendezvous for the other: both reach their gates only if they ran at once.
        gateA.awaitEntered();
        gateB.awaitEntered();

        gateB.open();
        h.timeline.await(ClientEvent.ToolResult.class, result -> result.callId().equals("c2"));
        h.flushLoop();
        assertEquals(List.of(new ClientEvent.ToolResult("c2", "{\"b\":2}")), h.sent(), "sent at once, no response yet");

        gateA.open();
        h.timeline.await(ClientEvent.ToolResult.class, result -> result.callId().equals("c1"));
        h.settle();
        assertEquals(List.of(new ClientEvent.ToolResult("c2", "{\"b\":2}"),
                new ClientEvent.ToolResult("c1", "{\"a\":1}"), new CreateResponse()), h.sent());
    }

    private static ToolResult rendezvousThen(CountDownLatch rendezvous, Gate gate, String output)
            throws InterruptedException {
        rendezvous.countDown();
        if (!rendezvous.await(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            return ToolResult.error("ran alone");
        }
        gate.pass();
        return ToolResult.ok(output);
    }

    @Test
    void anUnknownToolGetsAnErrorAndTheModelSpeaksAgain() {
        h = new AgentHarness(profile("front", ScriptedTool.answering("lookup", "{}")));

        h.deliver(new ToolCallDone("c1", "x", "{}"));

        assertEquals(List.of(new ClientEvent.ToolResult("c1", "{\"error\":\"unknown tool: x\"}"), new CreateResponse()),
                h.sent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{oops", "[1]", "42", "\"text\"", "null"})
    void argumentsThatAreNotAJsonObjectGetAnErrorNamingTheTool(String arguments) throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{}");
        h = new AgentHarness(profile("front", lookup));

        h.deliver(new ToolCallDone("c1", "lookup", arguments));
        h.settle();

        List<ClientEvent.ToolResult> results = h.sent(ClientEvent.ToolResult.class);
        assertEquals(1, results.size());
        assertEquals("c1", results.getFirst().callId());
        assertTrue(errorOf(results.getFirst()).contains("lookup"), results.getFirst().output());
        assertEquals(List.of(results.getFirst(), new CreateResponse()), h.sent());
        assertEquals(List.of(), lookup.calls(), "the tool must not run on bad arguments");
    }

    @Test
    void afterMalformedArgumentsTheNextCallStillRuns() throws Exception {
        ScriptedTool lookup = ScriptedTool.answering("lookup", "{\"ok\":true}");
        h = new AgentHarness(profile("front", lookup));

        h.deliver(new ToolCallDone("c1", "lookup", "{oops"),
                new ResponseStarted("r1"), new ResponseDone("r1", "completed", null),
                new ToolCallDone("c2", "lookup", "{\"q\":1}"));

        assertEquals(json("{\"q\":1}"), lookup.awaitCall().arguments());
        ClientEvent.ToolResult second = h.timeline.await(ClientEvent.ToolResult.class, r -> r.callId().equals("c2"));
        assertEquals("{\"ok\":true}", second.output());
    }

    @Test
    void aToolThatThrowsGivesAnErrorWithItsMessage() throws Exception {
        h = new AgentHarness(profile("front", new ScriptedTool("lookup", call -> {
            throw new IllegalStateException("database down");
        })));

        h.deliver(new ToolCallDone("c1", "lookup", "{}"));
        ClientEvent.ToolResult result = h.timeline.await(ClientEvent.ToolResult.class);
        h.settle();

        assertTrue(errorOf(result).contains("database down"), result.output());
        assertTrue(errorOf(result).contains("lookup"), result.output());
        assertEquals(List.of(result, new CreateResponse()), h.sent());
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsClass() throws Exception {
        h = new AgentHarness(profile("front", new ScriptedTool("lookup", call -> {
            throw new java.io.IOException();
        })));

        h.deliver(new ToolCallDone("c1", "lookup", "{}"));

        ClientEvent.ToolResult result = h.timeline.await(ClientEvent.ToolResult.class);
        assertTrue(errorOf(result).contains("IOException"), result.output());
    }

    @Test
    void aToolThatReturnsNothingGivesAnError() throws Exception {
        h = new AgentHarness(profile("front", new ScriptedTool("lookup", call -> null)));

        h.deliver(new ToolCallDone("c1", "lookup", "{}"));
        ClientEvent.ToolResult result = h.timeline.await(ClientEvent.ToolResult.class);
        h.settle();

        assertTrue(errorOf(result).contains("lookup"), result.output());
        assertEquals(List.of(result, new CreateResponse()), h.sent());
    }

    @Test
    void aToolThatOverrunsItsTimeoutIsInterruptedAndAnErrorIsSent() throws Exception {
        Gate gate = new Gate();
        h = new AgentHarness(profile("front", new ScriptedTool("slow", Duration.ofMillis(200), call -> {
            gate.pass();
            return ToolResult.ok("{\"late\":true}");
        })));

        long start = System.nanoTime();
        h.deliver(new ToolCallDone("c1", "slow", "{}"));
        ClientEvent.ToolResult result = h.timeline.await(ClientEvent.ToolResult.class);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(errorOf(result).endsWith("timed out after 200 ms"), result.output());
        assertTrue(elapsedMillis >= 200, "gave up after " + elapsedMillis + " ms");
        gate.awaitInterrupted();
        h.settle();
        assertEquals(List.of(result, new CreateResponse()), h.sent());
    }

    @Test
    void aLateResultFromAToolThatIgnoresInterruptionIsNotSentAgain() throws Exception {
        Gate gate = new Gate();
        ScriptedTool stubborn = new ScriptedTool("stubborn", Duration.ofMillis(200), call -> {
            gate.passIgnoringInterruption();
            return ToolResult.ok("{\"late\":true}");
        });
        h = new AgentHarness(profile("front", stubborn));

        h.deliver(new ToolCallDone("c1", "stubborn", "{}"));
        ClientEvent.ToolResult timedOut = h.timeline.await(ClientEvent.ToolResult.class);
        gate.awaitInterrupted();
        gate.open();
        h.settle();

        assertEquals(1, stubborn.returned(), "the tool did return its late result");
        assertTrue(errorOf(timedOut).contains("timed out"), timedOut.output());
        assertEquals(List.of(timedOut, new CreateResponse()), h.sent());
    }

    @Test
    void aResultThatAsksForNoResponseIsSentWithoutOne() throws Exception {
        h = new AgentHarness(profile("front", new ScriptedTool("end_call",
                call -> new ToolResult("{\"ending\":true}", false, false))));

        h.deliver(new ToolCallDone("c1", "end_call", "{}"));
        h.timeline.await(ClientEvent.ToolResult.class);
        h.settle();

        assertEquals(List.of(new ClientEvent.ToolResult("c1", "{\"ending\":true}")), h.sent());
        assertFalse(h.sent().contains(new CreateResponse()));
    }
}
