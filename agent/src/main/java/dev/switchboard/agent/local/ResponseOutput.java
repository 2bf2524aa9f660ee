package dev.switchboard.agent.local;

import java.util.concurrent.CompletableFuture;

/** One output item a response will produce, in order (reference §2.5, §2.6). */
sealed interface ResponseOutput {

    /**
     * An assistant message spoken as audio.
     *
     * @param transcript what the audio says, sent as transcript delta and done; empty for echoed audio, which has
     *                   no transcript
     * @param pcm        the 24 kHz PCM16 audio, possibly still being synthesised; a failure fails the response
     */
    record Audio(String transcript, CompletableFuture<byte[]> pcm) implements ResponseOutput {
    }

    /**
     * A function call.
     *
     * @param arguments the arguments as JSON text
     */
    record FunctionCall(String callId, String name, String arguments) implements ResponseOutput {
    }
}
