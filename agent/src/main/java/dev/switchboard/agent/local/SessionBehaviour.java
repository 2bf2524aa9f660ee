package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a session's responses say — the part of the engine a language model would be. The model name given at
 * connect selects it: a {@link LocalAgent}'s script, or echo. Called on the connection's event loop only.
 */
sealed interface SessionBehaviour permits EchoBehaviour, ScriptBehaviour {

    /** Whether a caller turn ended by server VAD starts a response by itself (when {@code create_response} is on). */
    boolean answersSpeech();

    /** A caller turn became a user audio item, by server VAD or a manual commit. */
    void audioCommitted(byte[] pcm);

    /** The client added a (validated) item with {@code conversation.item.create}. */
    void itemCreated(ObjectNode item);

    /**
     * The outputs of a response the session is starting now; empty for a response without output.
     *
     * @param instructions the request's {@code response.instructions}, or null
     */
    List<ResponseOutput> nextResponse(String instructions);
}
