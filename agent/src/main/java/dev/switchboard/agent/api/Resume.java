package dev.switchboard.agent.api;

import java.util.List;

/**
 * What a replacement session starts from: the conversation so far, and a provider's resumption handle when it
 * has one (Gemini's {@code sessionResumption}), which carries the context on the provider's side.
 */
public record Resume(List<HistoryEntry> history, String handle) {

    public static final Resume NONE = new Resume(List.of(), null);

    public Resume {
        history = List.copyOf(history);
    }

    public boolean isEmpty() {
        return history.isEmpty() && handle == null;
    }
}
