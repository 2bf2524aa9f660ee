package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.HistoryEntry;
import java.util.List;

/**
 * Folds the conversation so far into the system instruction, for a replacement session that has no resumption
 * handle. Gemini's configuration is fixed at {@code setup} and seeding turns through {@code clientContent} would
 * make the model answer them, so the transcript rides in the instruction, framed so the model carries on the call
 * instead of starting it again (no second greeting, no re-asking, no repeated tool calls).
 */
final class MidCallInstructions {

    private static final String HEADER = """
            ## Ongoing call: you are mid-call with this caller
            Below is everything said and done on this call so far; you remember all of it. Carry on from where it \
            stops. Do not re-introduce yourself or greet the caller again, do not ask again for anything the \
            caller already gave you, and treat [tool result] lines as facts you already know: do not call the \
            same tool again for the same inputs.
            """;
    private static final String FOOTER = "## End of the transcript: continue the call now.";

    private MidCallInstructions() {}

    /** {@code instructions}, followed by the framed transcript when there is one. */
    static String fold(String instructions, List<HistoryEntry> history) {
        if (history.isEmpty()) {
            return instructions;
        }
        StringBuilder folded = new StringBuilder(instructions.strip());
        if (!folded.isEmpty()) {
            folded.append("\n\n");
        }
        folded.append(HEADER).append('\n');
        for (HistoryEntry entry : history) {
            folded.append(line(entry)).append('\n');
        }
        return folded.append('\n').append(FOOTER).toString();
    }

    /** One transcript line; the text is kept on one line so a line is always one step of the call. */
    static String line(HistoryEntry entry) {
        return switch (entry) {
            case HistoryEntry.UserSaid said -> "Caller: " + oneLine(said.text());
            case HistoryEntry.AgentSaid said -> "You: " + oneLine(said.text());
            case HistoryEntry.ToolCalled call -> "[tool call] " + call.name() + "(" + oneLine(call.arguments()) + ")";
            case HistoryEntry.ToolAnswered answer -> "[tool result] " + oneLine(answer.output());
        };
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
