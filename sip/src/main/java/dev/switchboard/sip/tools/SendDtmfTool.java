package dev.switchboard.sip.tools;

import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.tools.Tool;
import dev.switchboard.agent.tools.ToolCall;
import dev.switchboard.agent.tools.ToolResult;
import dev.switchboard.sip.call.CallControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** {@code send_dtmf}: plays keypad digits to the other side as RFC 4733 events (to drive an IVR, say). */
final class SendDtmfTool implements Tool {

    static final String NAME = "send_dtmf";
    private static final Pattern DIGITS = Pattern.compile("[0-9*#A-D]{1,32}");
    private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
            "Press keys on the phone keypad: send DTMF digits to the other side of the call.",
            Map.of("type", "object",
                    "properties", Map.of("digits", Map.of("type", "string", "pattern", DIGITS.pattern(),
                            "description", "The keys to press, e.g. 1 or 1234#")),
                    "required", List.of("digits")));

    private final CallControl call;

    SendDtmfTool(CallControl call) {
        this.call = call;
    }

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public ToolResult call(ToolCall toolCall) throws Exception {
        String digits = toolCall.arguments().path("digits").asText("");
        if (!DIGITS.matcher(digits).matches()) {
            return ToolResult.error("digits must be 1 to 32 of 0-9 * # A-D, not '" + digits + "'");
        }
        try {
            call.sendDtmf(digits).get(timeout().toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return ToolResult.error("could not send DTMF: " + e.getCause().getMessage());
        }
        return ToolResult.ok("{\"sent\":\"" + digits + "\"}");
    }
}
