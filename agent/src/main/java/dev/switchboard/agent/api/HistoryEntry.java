package dev.switchboard.agent.api;

/**
 * One step of a conversation, kept by the call so a replacement session can be given the context (after a drop,
 * or when a long session is recycled).
 */
public sealed interface HistoryEntry {

    record UserSaid(String text) implements HistoryEntry {}

    record AgentSaid(String text) implements HistoryEntry {}

    record ToolCalled(String callId, String name, String arguments) implements HistoryEntry {}

    record ToolAnswered(String callId, String output) implements HistoryEntry {}
}
