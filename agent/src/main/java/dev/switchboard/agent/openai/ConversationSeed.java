package dev.switchboard.agent.openai;

import dev.switchboard.agent.api.HistoryEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a replacement session is given of the conversation so far (realtime-protocols §2.9: OpenAI has no
 * resumption, so a new session is re-seeded with text).
 *
 * <p>Only the recent past is restored: at most {@link #MAX_ENTRIES} entries and {@link #MAX_CHARS} characters of
 * their text, counted from the newest backwards. Restoring costs input tokens on every later response and the
 * items must be acknowledged before the caller hears anything, so an hour-long call must not be replayed whole.
 */
final class ConversationSeed {

    static final int MAX_ENTRIES = 50;
    static final int MAX_CHARS = 20_000;

    private ConversationSeed() {}

    /**
     * The newest entries that fit the bounds, oldest first. Entries with nothing to say (blank text, a call
     * without an id) are skipped, and so is a tool answer whose call fell outside the bounds: the new session
     * would not know the call it answers.
     */
    static List<HistoryEntry> recent(List<HistoryEntry> history) {
        Deque<HistoryEntry> kept = new ArrayDeque<>();
        int chars = 0;
        for (int i = history.size() - 1; i >= 0 && kept.size() < MAX_ENTRIES; i--) {
            HistoryEntry entry = history.get(i);
            if (!restorable(entry)) {
                continue;
            }
            chars += length(entry);
            if (chars > MAX_CHARS) {
                break;
            }
            kept.addFirst(entry);
        }
        Set<String> calls = new HashSet<>();
        for (HistoryEntry entry : kept) {
            if (entry instanceof HistoryEntry.ToolCalled call) {
                calls.add(call.callId());
            }
        }
        kept.removeIf(entry -> entry instanceof HistoryEntry.ToolAnswered answer && !calls.contains(answer.callId()));
        return List.copyOf(kept);
    }

    /**
     * {@code instructions} followed by the recent conversation as a transcript, for a provider that cannot be
     * given history items. The framing tells the model it is mid-call, so it carries on instead of greeting the
     * caller again, and that tool results are facts it already has, so it does not call the tools again.
     */
    static String fold(String instructions, List<HistoryEntry> history) {
        List<HistoryEntry> recent = recent(history);
        if (recent.isEmpty()) {
            return instructions;
        }
        StringBuilder text = new StringBuilder(instructions);
        if (!instructions.isBlank()) {
            text.append("\n\n");
        }
        text.append("## Conversation so far: you are in the middle of this call\n")
                .append("The transcript below is what has already been said and done on this call. Carry on from ")
                .append("where it stops: do not greet the caller again, do not ask again for anything they already ")
                .append("told you, and treat every [tool result] line as something you already know instead of ")
                .append("calling that tool again.\n\n");
        for (HistoryEntry entry : recent) {
            text.append(line(entry)).append('\n');
        }
        return text.append("\n## End of the transcript: continue the call now.").toString();
    }

    private static String line(HistoryEntry entry) {
        return switch (entry) {
            case HistoryEntry.UserSaid said -> "Caller: " + said.text();
            case HistoryEntry.AgentSaid said -> "You: " + said.text();
            case HistoryEntry.ToolCalled call -> "[tool call] " + call.name() + "(" + orEmpty(call.arguments()) + ")";
            case HistoryEntry.ToolAnswered answer -> "[tool result] " + orEmpty(answer.output());
        };
    }

    private static boolean restorable(HistoryEntry entry) {
        return switch (entry) {
            case HistoryEntry.UserSaid said -> isSet(said.text());
            case HistoryEntry.AgentSaid said -> isSet(said.text());
            case HistoryEntry.ToolCalled call -> isSet(call.callId()) && isSet(call.name());
            case HistoryEntry.ToolAnswered answer -> isSet(answer.callId());
        };
    }

    private static int length(HistoryEntry entry) {
        return switch (entry) {
            case HistoryEntry.UserSaid said -> said.text().length();
            case HistoryEntry.AgentSaid said -> said.text().length();
            case HistoryEntry.ToolCalled call -> call.name().length() + lengthOf(call.arguments());
            case HistoryEntry.ToolAnswered answer -> lengthOf(answer.output());
        };
    }

    private static int lengthOf(String text) {
        return orEmpty(text).length();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static boolean isSet(String text) {
        return text != null && !text.isBlank();
    }
}
