package dev.switchboard.agent.runtime;

import static dev.switchboard.agent.runtime.TestProfiles.profile;
import static dev.switchboard.agent.runtime.TestProfiles.withGreeting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.ClientEvent.CreateResponse;
import dev.switchboard.agent.api.ServerEvent.ProviderError;
import dev.switchboard.agent.api.ServerEvent.ResponseDone;
import dev.switchboard.agent.api.ServerEvent.ResponseStarted;
import dev.switchboard.agent.api.ServerEvent.ToolCallDone;
import dev.switchboard.agent.tools.ToolResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the agent asks the model to speak: the greeting, and {@code respondWhenIdle} (one response at a time). */
class ResponseRequestTest {

    private AgentHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aFixedGreetingIsQuotedAfterSayExactly() {
        h = new AgentHarness(withGreeting(profile("front"),
                new Greeting("Thanks for calling \"Acme\", how can I help?", null)));

        h.run(RealtimeAgent::greet);

        List<ClientEvent> sent = h.sent();
        assertEquals(1, sent.size(), sent.toString());
        String instructions = ((CreateResponse) sent.getFirst()).instructions();
        Matcher quoted = Pattern.compile("Say exactly[^\"]*\"(.*)\"").matcher(instructions);
        assertTrue(quoted.find(), instructions);
        assertEquals("Thanks for calling 'Acme', how can I help?", quoted.group(1),
                "the text, its own double quotes turned into single ones");
    }

    @Test
    void aGreetingByInstructionsPassesThemOn() {
        h = new AgentHarness(withGreeting(profile("front"), new Greeting(null, "Greet the caller by name.")));

        h.run(RealtimeAgent::greet);

        assertEquals(List.of(new CreateResponse("Greet the caller by name.")), h.sent());
    }

    @Test
    void noGreetingSaysNothing() {
        h = new AgentHarness(withGreeting(profile("front"), Greeting.NONE));

        h.run(RealtimeAgent::greet);

        assertEquals(List.of(), h.sent());
        assertFalse(Greeting.NONE.isPresent());
    }

    @Test
    void respondWhenIdleRespondsAtOnceWhenNothingRuns() {
        h = new AgentHarness(profile("front"));

        h.run(RealtimeAgent::respondWhenIdle);

        assertEquals(List.of(new CreateResponse()), h.sent());
    }

    @Test
    void respondWhenIdleWaitsForTheRunningResponse() {
        h = new AgentHarness(profile("front"));
        h.deliver(new ResponseStarted("r1"));

        h.run(RealtimeAgent::respondWhenIdle);
        assertEquals(List.of(), h.sent());

        h.deliver(new ResponseDone("r1", "completed", null));
        assertEquals(List.of(new CreateResponse()), h.sent());
    }

    @Test
    void aRequestedResponseIsNotRequestedAgainBeforeItHasRun() {
        h = new AgentHarness(profile("front"));

        h.run(RealtimeAgent::respondWhenIdle);
        h.run(RealtimeAgent::respondWhenIdle);
        assertEquals(List.of(new CreateResponse()), h.sent());

        h.deliver(new ResponseStarted("r1"));
        assertEquals(List.of(new CreateResponse()), h.sent(), "still one while it runs");

        h.deliver(new ResponseDone("r1", "completed", null));
        assertEquals(List.of(new CreateResponse(), new CreateResponse()), h.sent(),
                "the second wish is answered once the first response is over");
    }

    @Test
    void aProviderErrorClearsTheRequest() {
        h = new AgentHarness(profile("front"));
        h.run(RealtimeAgent::respondWhenIdle);

        h.deliver(new ProviderError("invalid_request_error", "could not create the response"));
        h.run(RealtimeAgent::respondWhenIdle);

        assertEquals(List.of(new CreateResponse(), new CreateResponse()), h.sent());
    }

    @Test
    void aResultThatArrivedWhileARefusedRequestWasPendingIsStillAnswered() throws Exception {
        h = new AgentHarness(profile("front", ScriptedTool.answering("lookup", "{\"ok\":true}")));
        h.run(RealtimeAgent::respondWhenIdle);
        h.deliver(new ToolCallDone("c1", "lookup", "{}"));
        h.timeline.await(ClientEvent.ToolResult.class);
        h.settle();
        assertEquals(1, h.sent(CreateResponse.class).size(), "held back while the first request is pending");

        h.deliver(new ProviderError("invalid_request_error", "could not create the response"));

        assertEquals(2, h.sent(CreateResponse.class).size(), "the refused request does not leave the agent silent");
    }

    @Test
    void respondWhenIdleWaitsForRunningTools() throws Exception {
        Gate gate = new Gate();
        h = new AgentHarness(profile("front", new ScriptedTool("slow", call -> {
            gate.pass();
            return ToolResult.ok("{}");
        })));
        h.deliver(new ToolCallDone("c1", "slow", "{}"));
        gate.awaitEntered();

        h.run(RealtimeAgent::respondWhenIdle);
        assertEquals(List.of(), h.sent());

        gate.open();
        h.timeline.await(ClientEvent.ToolResult.class);
        h.settle();
        assertEquals(List.of(new ClientEvent.ToolResult("c1", "{}"), new CreateResponse()), h.sent());
    }
}
