package dev.switchboard.sip.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.tools.Tool;
import dev.switchboard.agent.tools.ToolCall;
import dev.switchboard.agent.tools.ToolResult;
import dev.switchboard.sip.call.CallControl;
import dev.switchboard.sip.call.CallControl.TransferOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code transfer_call}: a blind transfer (SIP REFER) to one of the agent's configured targets, chosen by name.
 * When the trunk refuses, the model is told why and can say so; on success the call leaves us.
 */
final class TransferCallTool implements Tool {

    static final String NAME = "transfer_call";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallControl call;
    private final Map<String, String> targets;
    private final ToolDefinition definition;

    TransferCallTool(CallControl call, Map<String, String> targets) {
        this.call = call;
        this.targets = Map.copyOf(targets);
        this.definition = new ToolDefinition(NAME,
                "Transfer the caller to a person or department. Tell the caller first that you are transferring them.",
                Map.of("type", "object",
                        "properties", Map.of("target", Map.of("type", "string",
                                "enum", List.copyOf(targets.keySet()), "description", "Where to transfer the caller")),
                        "required", List.of("target")));
    }

    @Override
    public ToolDefinition definition() {
        return definition;
    }

    /** Long enough for the REFER to be answered and the transferee to report back. */
    @Override
    public Duration timeout() {
        return Duration.ofSeconds(70);
    }

    @Override
    public ToolResult call(ToolCall toolCall) throws Exception {
        String name = toolCall.arguments().path("target").asText("");
        String target = targets.get(name);
        if (target == null) {
            return ToolResult.error("no transfer target named '" + name + "'; known: " + targets.keySet());
        }
        TransferOutcome outcome = call.transfer(target).get(timeout().toSeconds(), TimeUnit.SECONDS);
        if (outcome.transferred()) {
            return new ToolResult(JSON.createObjectNode().put("transferred", true).put("target", name).toString(),
                    false, false);
        }
        return ToolResult.error("the transfer to " + name + " failed: " + outcome.status() + " " + outcome.reason());
    }
}
