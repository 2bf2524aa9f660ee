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
 * @param options      the provider's tuning knobs (turn detection, transcription...); defaults when absent
 */
public record SessionConfig(
        String model,
        String instructions,
        String voice,
        AudioFormat inputFormat,
        AudioFormat outputFormat,
        List<ToolDefinition> tools,
        RealtimeOptions options) {

    public SessionConfig {
        instructions = instructions == null ? "" : instructions;
        tools = tools == null ? List.of() : List.copyOf(tools);
        options = options == null ? RealtimeOptions.DEFAULTS : options;
    }

    /** A session with default options. */
    public SessionConfig(String model, String instructions, String voice, AudioFormat inputFormat,
            AudioFormat outputFormat, List<ToolDefinition> tools) {
        this(model, instructions, voice, inputFormat, outputFormat, tools, RealtimeOptions.DEFAULTS);
    }

    /** The same session with other audio formats (G.711 pass-through is decided per call). */
    public SessionConfig withFormats(AudioFormat input, AudioFormat output) {
        return new SessionConfig(model, instructions, voice, input, output, tools, options);
    }

    /** The same session with other instructions (a transcript folded in after a reconnect). */
    public SessionConfig withInstructions(String newInstructions) {
        return new SessionConfig(model, newInstructions, voice, inputFormat, outputFormat, tools, options);
    }
}
