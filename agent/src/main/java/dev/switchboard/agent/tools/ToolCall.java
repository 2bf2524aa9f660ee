package dev.switchboard.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** One call of a tool by the model: its provider-given id, the tool's name, the parsed arguments and the call. */
public record ToolCall(String callId, String name, JsonNode arguments, CallInfo call) {}
