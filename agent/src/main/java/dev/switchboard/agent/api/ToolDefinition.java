package dev.switchboard.agent.api;

import java.util.Map;

/**
 * A function the model may call: its name, what it does and a JSON Schema of its arguments.
 */
public record ToolDefinition(String name, String description, Map<String, Object> parameters) {

    public ToolDefinition {
        parameters = parameters == null ? Map.of("type", "object", "properties", Map.of()) : Map.copyOf(parameters);
    }
}
