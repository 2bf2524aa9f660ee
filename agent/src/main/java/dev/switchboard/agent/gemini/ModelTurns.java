package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import java.util.List;

/**
 * Gives Gemini's model turns and caller utterances the identity the neutral API expects. Gemini has no response
 * or item ids (realtime-protocols §6.4), so the Nth model turn becomes response {@code resp_N} with one item
 * {@code item_N}, and the Nth caller utterance item {@code input_N}.
 *
 * <p>A turn begins with its first audio or output transcription, which reports {@link ServerEvent.ResponseStarted}.
 * It reports {@link ServerEvent.ResponseDone} once: {@code completed} at {@code generationComplete} (or at
 * {@code turnComplete} when that comes first), {@code cancelled} when the server says {@code interrupted} or the
 * call interrupts it. The agent's full transcript follows at the end of the turn, because transcription lags the
 * audio and {@code turnComplete} lags {@code generationComplete} until playback is done (§6.4).
 *
 * <p>After {@link #cancel} the server keeps streaming the turn it no longer wants, since Gemini has no cancel
 * (§6.6); the rest of that turn is dropped until the server ends it, or until new audio after
 * {@code generationComplete} shows a new turn has begun. Audio after a completed generation likewise begins a new
 * turn, so a missing {@code turnComplete} never silences the agent.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class ModelTurns {

    /** OpenAI's reason words for the same two cancellations, so consumers see one vocabulary. */
    static final String SERVER_INTERRUPTED = "turn_detected";
    static final String CLIENT_INTERRUPTED = "client_cancelled";

    private int turnsBegun;
    private Turn current;
    private int inputsBegun;
    private Input input;

    /** One model turn and what has been reported of it. */
    private static final class Turn {
        final int number;
        final String responseId;
        final String itemId;
        final StringBuilder transcript = new StringBuilder();
        boolean generated;
        boolean responseDone;
        boolean transcriptDone;
        boolean cancelled;

        Turn(int number) {
            this.number = number;
            this.responseId = "resp_" + number;
            this.itemId = "item_" + number;
        }
    }

    /** One caller utterance being transcribed; {@code turnsBefore} is how many model turns had begun by then. */
    private record Input(String itemId, int turnsBefore, StringBuilder text) {}

    /** A chunk of the model's voice (PCM16 24 kHz). */
    void audio(byte[] pcm, List<ServerEvent> out) {
        if (current != null && current.generated) {
            end(current, out);
        }
        Turn turn = current != null ? current : begin(out);
        if (!turn.cancelled) {
            out.add(new ServerEvent.AudioDelta(turn.responseId, turn.itemId, 0, pcm));
        }
    }

    /** A fragment of the transcript of the model's voice. */
    void outputTranscription(String text, List<ServerEvent> out) {
        Turn turn = current != null ? current : begin(out);
        if (!turn.cancelled && !text.isEmpty()) {
            turn.transcript.append(text);
            out.add(new ServerEvent.Transcript(Role.AGENT, turn.itemId, text, false));
        }
    }

    /** A fragment of the transcript of the caller's speech; {@code finished} ends the utterance. */
    void inputTranscription(String text, boolean finished, List<ServerEvent> out) {
        if (input == null) {
            inputsBegun++;
            input = new Input("input_" + inputsBegun, turnsBegun, new StringBuilder());
        }
        if (!text.isEmpty()) {
            input.text().append(text);
            out.add(new ServerEvent.Transcript(Role.USER, input.itemId(), text, false));
        }
        if (finished) {
            endInput(out);
        }
    }

    /** The model has generated all of the current turn; playback may still be going on. */
    void generationComplete(String reason, List<ServerEvent> out) {
        if (current != null) {
            current.generated = true;
            finishResponse(current, "completed", reason, out);
        }
    }

    /** The server has closed the current turn. */
    void turnComplete(String reason, List<ServerEvent> out) {
        if (current != null) {
            finishResponse(current, "completed", reason, out);
            end(current, out);
        }
    }

    /** The server heard the caller talk over the model and stopped generating (barge-in, §6.6). */
    void interrupted(List<ServerEvent> out) {
        out.add(new ServerEvent.SpeechStarted(null, 0));
        if (current != null) {
            finishResponse(current, "cancelled", SERVER_INTERRUPTED, out);
            end(current, out);
        }
    }

    /** The call interrupted the agent: report the turn cancelled and drop whatever more the server sends of it. */
    void cancel(List<ServerEvent> out) {
        if (current != null && !current.cancelled) {
            finishResponse(current, "cancelled", CLIENT_INTERRUPTED, out);
            finishTranscript(current, out);
            current.cancelled = true;
        }
    }

    private Turn begin(List<ServerEvent> out) {
        turnsBegun++;
        current = new Turn(turnsBegun);
        out.add(new ServerEvent.ResponseStarted(current.responseId));
        return current;
    }

    /**
     * Ends {@code turn}. The caller's utterance ends with the model turn that answered it: one that began after
     * the utterance did (the turn the caller talked over began before it, so a barge-in stays one utterance).
     */
    private void end(Turn turn, List<ServerEvent> out) {
        finishTranscript(turn, out);
        current = null;
        if (input != null && turn.number > input.turnsBefore()) {
            endInput(out);
        }
    }

    private static void finishResponse(Turn turn, String status, String reason, List<ServerEvent> out) {
        if (!turn.responseDone) {
            turn.responseDone = true;
            out.add(new ServerEvent.ResponseDone(turn.responseId, status, reason));
        }
    }

    private static void finishTranscript(Turn turn, List<ServerEvent> out) {
        if (!turn.transcriptDone) {
            turn.transcriptDone = true;
            out.add(new ServerEvent.Transcript(Role.AGENT, turn.itemId, turn.transcript.toString(), true));
        }
    }

    private void endInput(List<ServerEvent> out) {
        out.add(new ServerEvent.Transcript(Role.USER, input.itemId(), input.text().toString(), true));
        input = null;
    }
}
