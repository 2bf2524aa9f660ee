package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's default behaviour: each response speaks the newest caller turn not yet answered, as it was heard,
 * and a response with nothing to echo has no output. Text items and instructions are ignored.
 */
final class EchoBehaviour implements SessionBehaviour {

    private byte[] unansweredAudio;

    @Override
    public boolean answersSpeech() {
        return true;
    }

    @Override
    public void audioCommitted(byte[] pcm) {
        unansweredAudio = pcm;
    }

    @Override
    public void itemCreated(ObjectNode item) {
        // Nothing to do: echo answers audio only.
    }

    @Override
    public List<ResponseOutput> nextResponse(String instructions) {
        byte[] audio = unansweredAudio;
        unansweredAudio = null;
        if (audio == null || audio.length == 0) {
            return List.of();
        }
        return List.of(new ResponseOutput.Audio("", CompletableFuture.completedFuture(audio)));
    }
}
