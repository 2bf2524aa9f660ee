package dev.switchboard.agent.tools;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A tool's answer for the model.
 *
 * @param output  what the model reads, usually JSON text
 * @param error   a failure the model should talk about
 * @param respond whether the model should speak after it (false for end_call)
 */
public record ToolResult(String output, boolean error, boolean respond) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ToolResult ok(String output) {
        return new ToolResult(output, false, true);
    }

    /** {@code {"error": message}} as JSON, marked as an error. */
    public static ToolResult error(String message) {
        return new ToolResult(JSON.createObjectNode().put("error", message).toString(), true, true);
    }
}
