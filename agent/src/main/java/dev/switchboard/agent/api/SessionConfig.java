package dev.switchboard.agent.api;

import java.util.List;

/**
 * What a session is opened with.
 *
 * @param model        the provider's model name, or the local engine's mode ({@code echo})
 * @param instructions the system prompt; may be empty
 * @param voice        the provider's voice name, or {@code null} for its default
 * @param inputFormat  the caller's audio as the session will receive it
 * @param outputFormat the agent's audio as the session should produce it
 * @param tools        functions the model may call
 */
public record SessionConfig(
        String model,
        String instructions,
        String voice,
        AudioFormat inputFormat,
        AudioFormat outputFormat,
        List<ToolDefinition> tools) {

    public SessionConfig {
        instructions = instructions == null ? "" : instructions;
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
