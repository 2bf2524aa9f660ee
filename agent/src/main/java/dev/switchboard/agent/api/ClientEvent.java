package dev.switchboard.agent.api;

/**
 * Commands sent to a provider, named as imperatives. Each provider maps them onto its own wire protocol.
 */
public sealed interface ClientEvent {

    /** Appends caller audio, in the session's input format, to the provider's input buffer. */
    record AppendAudio(byte[] audio) implements ClientEvent {}

    /** Ends the caller's turn by hand; only needed when the provider's turn detection is off. */
    record CommitAudio() implements ClientEvent {}

    /**
     * Asks the model to respond now.
     *
     * @param instructions extra instructions for this response only (e.g. the greeting), or {@code null}
     */
    record CreateResponse(String instructions) implements ClientEvent {

        public CreateResponse() {
            this(null);
        }
    }

    /**
     * Changes the session mid-call (a handoff to another agent): instructions and tools, and the voice where the
     * provider still allows it (OpenAI fixes the voice once the model has spoken).
     */
    record UpdateSession(SessionConfig config) implements ClientEvent {}

    /**
     * The caller talked over the agent: stop the response in progress and forget the part of the agent's item
     * the caller never heard.
     *
     * @param itemId     the agent item that was playing, or {@code null} when nothing had been played
     * @param contentIndex the content part of that item
     * @param heardMillis how much of that item's audio the caller actually heard
     */
    record Interrupt(String itemId, int contentIndex, long heardMillis) implements ClientEvent {}

    /** Adds a user text message to the conversation (for example digits typed on the keypad). */
    record UserText(String text) implements ClientEvent {}

    /** Returns the output of a function call the model asked for. */
    record ToolResult(String callId, String output) implements ClientEvent {}
}
