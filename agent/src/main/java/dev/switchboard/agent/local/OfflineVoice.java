package dev.switchboard.agent.local;

import java.util.concurrent.CompletableFuture;

/**
 * The local engine's offline voice, for the server's own prompts: what a caller hears when the provider is
 * unreachable (a hold message, an apology), where no realtime model can speak for the agent.
 */
public final class OfflineVoice implements AutoCloseable {

    private final SpeechSynthesizer synthesizer = new SpeechSynthesizer();

    /** {@code text} spoken as 24 kHz PCM16 little-endian mono; synthesis runs off the caller's thread. */
    public CompletableFuture<byte[]> speak(String text) {
        return synthesizer.synthesize(text);
    }

    @Override
    public void close() {
        synthesizer.close();
    }
}
