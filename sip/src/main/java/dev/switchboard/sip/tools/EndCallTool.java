package dev.switchboard.sip.tools;

import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.tools.Tool;
import dev.switchboard.agent.tools.ToolCall;
import dev.switchboard.agent.tools.ToolResult;
import dev.switchboard.sip.call.CallControl;
import java.util.Map;

/**
 * {@code end_call}: the agent hangs up. The BYE goes out once the agent's goodbye has finished playing, and the
 * model is not asked to speak again.
 */
final class EndCallTool implements Tool {

    static final String NAME = "end_call";
    private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
            "End the phone call. Say goodbye first: the line is hung up once your goodbye has been heard.",
            Map.of("type", "object", "properties", Map.of("reason", Map.of("type", "string",
                    "description", "Why the call is ending, for the call log"))));

    private final CallControl call;

    EndCallTool(CallControl call) {
        this.call = call;
    }

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public ToolResult call(ToolCall toolCall) {
        String reason = toolCall.arguments().path("reason").asText("");
        call.hangUpAfterSpeech("the agent ended the call" + (reason.isBlank() ? "" : ": " + reason));
        return new ToolResult("{\"ok\":true}", false, false);
    }
}
