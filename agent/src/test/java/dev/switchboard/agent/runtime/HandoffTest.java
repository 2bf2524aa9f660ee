package dev.switchboard.agent.runtime;

import static dev.switchboard.agent.runtime.AgentHarness.errorOf;
import static dev.switchboard.agent.runtime.AgentHarness.json;
import static dev.switchboard.agent.runtime.TestProfiles.profile;
import static dev.switchboard.agent.runtime.TestProfiles.withHandoffs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.ClientEvent.CreateResponse;
import dev.switchboard.agent.api.ClientEvent.UpdateSession;
import dev.switchboard.agent.api.ServerEvent.ResponseDone;
import dev.switchboard.agent.api.ServerEvent.ResponseStarted;
import dev.switchboard.agent.api.ServerEvent.ToolCallDone;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.runtime.RecordingHost.HandedOff;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handoffs (seed 001): a transfer tool per reachable agent; calling it swaps the session to that agent. */
class HandoffTest {

    private final ScriptedTool lookup = ScriptedTool.answering("lookup", "{\"order\":\"shipped\"}");
    private final ScriptedTool charge = ScriptedTool.answering("charge", "{\"charged\":true}");
    private final AgentProfile front = withHandoffs(profile("front", lookup), "billing");
    private final AgentProfile billing = profile("billing", charge);
    private AgentHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private static Set<String> toolNames(SessionConfig config) {
        return config.tools().stream().map(ToolDefinition::name).collect(Collectors.toSet());
    }

    @Test
    void aProfileDeclaresATransferToolForEachHandoff() {
        SessionConfig config = front.sessionConfig();

        assertEquals(Set.of("lookup", "transfer_to_billing"), toolNames(config));
        assertEquals("You are the front agent.", config.instructions());
        ToolDefinition transfer = config.tools().stream()
                .filter(tool -> tool.name().equals("transfer_to_billing")).findFirst().orElseThrow();
        assertTrue(transfer.description().contains("billing"), transfer.description());
        assertEquals(Map.of("type", "object", "properties", Map.of()), transfer.parameters());
    }

    @Test
    void callingTheTransferToolHandsTheCallToTheOtherAgent() {
        h = new AgentHarness(front, billing);

        h.deliver(new ResponseStarted("r1"), new ToolCallDone("c1", "transfer_to_billing", "{}"),
                new ResponseDone("r1", "completed", null));

        assertEquals("billing", h.onLoop(() -> h.agent.profile().name()));
        List<ClientEvent> sent = h.sent();
        assertEquals(3, sent.size(), sent.toString());
        SessionConfig config = ((UpdateSession) sent.get(0)).config();
        assertEquals("You are the billing agent.", config.instructions());
        assertEquals(Set.of("charge"), toolNames(config));
        assertEquals(billing.sessionConfig(), config);
        ClientEvent.ToolResult result = (ClientEvent.ToolResult) sent.get(1);
        assertEquals("c1", result.callId());
        assertEquals(json("{\"handed_off_to\":\"billing\"}"), json(result.output()));
        assertEquals(new CreateResponse(), sent.get(2), "the new agent speaks, after the session was updated");
        List<HandedOff> handedOff = h.timeline.of(HandedOff.class);
        assertEquals(1, handedOff.size());
        assertSame(billing, handedOff.getFirst().to());
    }

    @Test
    void afterAHandoffTheNewAgentsToolsAnswer() throws Exception {
        h = new AgentHarness(front, billing);
        h.deliver(new ToolCallDone("c1", "transfer_to_billing", "{}"));

        h.deliver(new ToolCallDone("c2", "charge", "{\"amount\":5}"), new ToolCallDone("c3", "lookup", "{}"),
                new ToolCallDone("c4", "transfer_to_billing", "{}"));
        h.settle();

        assertEquals(json("{\"amount\":5}"), charge.awaitCall().arguments());
        assertEquals(List.of(), lookup.calls());
        Map<String, String> outputs = h.sent(ClientEvent.ToolResult.class).stream()
                .collect(Collectors.toMap(ClientEvent.ToolResult::callId, ClientEvent.ToolResult::output));
        assertEquals("{\"charged\":true}", outputs.get("c2"));
        assertEquals("{\"error\":\"unknown tool: lookup\"}", outputs.get("c3"));
        assertEquals("{\"error\":\"unknown tool: transfer_to_billing\"}", outputs.get("c4"),
                "billing has no handoffs of its own");
    }

    @Test
    void aHandoffToAnAgentNobodyKnowsIsAnError() {
        h = new AgentHarness(withHandoffs(profile("front", lookup), "ghost"));

        h.deliver(new ToolCallDone("c1", "transfer_to_ghost", "{}"));

        assertEquals("front", h.onLoop(() -> h.agent.profile().name()));
        List<ClientEvent> sent = h.sent();
        assertEquals(2, sent.size(), sent.toString());
        ClientEvent.ToolResult result = (ClientEvent.ToolResult) sent.get(0);
        assertEquals("c1", result.callId());
        assertTrue(errorOf(result).contains("ghost"), result.output());
        assertEquals(new CreateResponse(), sent.get(1));
        assertEquals(List.of(), h.timeline.of(HandedOff.class));
    }

    @Test
    void aTransferToAnAgentNotListedAsAHandoffIsAnUnknownTool() {
        h = new AgentHarness(front, billing, profile("sales"));

        h.deliver(new ToolCallDone("c1", "transfer_to_sales", "{}"));

        assertEquals("front", h.onLoop(() -> h.agent.profile().name()));
        assertEquals(List.of(new ClientEvent.ToolResult("c1", "{\"error\":\"unknown tool: transfer_to_sales\"}"),
                new CreateResponse()), h.sent());
    }
}
