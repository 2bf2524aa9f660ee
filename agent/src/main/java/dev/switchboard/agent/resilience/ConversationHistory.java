package dev.switchboard.agent.resilience;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.ServerEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The conversation as far as a replacement session needs it: what the caller and the agent said (complete
 * transcripts), the keys the caller entered, and every tool call with its answer. Bounded to the most recent
 * {@link #MAX_ENTRIES}; older context is the provider's to summarise.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class ConversationHistory {

    static final int MAX_ENTRIES = 100;

    private final Deque<HistoryEntry> entries = new ArrayDeque<>();

    /** Records what the provider reported. */
    void observe(ServerEvent event) {
        switch (event) {
            case ServerEvent.Transcript t when t.done() && !t.text().isBlank() -> add(t.role() == ServerEvent.Role.USER
                    ? new HistoryEntry.UserSaid(t.text()) : new HistoryEntry.AgentSaid(t.text()));
            case ServerEvent.ToolCallDone call -> add(new HistoryEntry.ToolCalled(call.callId(), call.name(),
                    call.arguments()));
            default -> { }
        }
    }

    /** Records what the call told the provider. */
    void observe(ClientEvent event) {
        switch (event) {
            case ClientEvent.UserText text -> add(new HistoryEntry.UserSaid(text.text()));
            case ClientEvent.ToolResult result -> add(new HistoryEntry.ToolAnswered(result.callId(), result.output()));
            default -> { }
        }
    }

    private void add(HistoryEntry entry) {
        entries.addLast(entry);
        while (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
    }

    List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }
}
