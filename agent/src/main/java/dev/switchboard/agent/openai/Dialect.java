package dev.switchboard.agent.openai;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.Capabilities;
import java.time.Duration;
import java.util.Set;

/**
 * The servers that speak the OpenAI Realtime GA protocol, and how they differ (realtime-protocols §2, §4, §5).
 */
public enum Dialect {
    /** OpenAI itself. */
    OPENAI(new Capabilities(Set.of(AudioFormat.PCM16_24K, AudioFormat.PCMU, AudioFormat.PCMA),
            Set.of(AudioFormat.PCM16_24K, AudioFormat.PCMU, AudioFormat.PCMA),
            true, true, true, false, Duration.ofMinutes(60))),
    /**
     * Azure OpenAI's GA endpoint: the same protocol, another URL and auth header ({@link OpenAiEndpoint#azure}).
     * A transcription model is named by its Azure deployment, not by OpenAI's model id (§4).
     */
    AZURE(OPENAI.capabilities),
    /**
     * xAI Grok voice: OpenAI's events plus keep-alive pings, a flatter session.update without semantic VAD,
     * truncation not known to work, so an interrupt only cancels (§5).
     */
    XAI(new Capabilities(Set.of(AudioFormat.PCM16_24K, AudioFormat.PCMU, AudioFormat.PCMA),
            Set.of(AudioFormat.PCM16_24K, AudioFormat.PCMU, AudioFormat.PCMA),
            true, false, true, false, Duration.ofMinutes(60))),
    /** Switchboard's built-in engine. */
    LOCAL(new Capabilities(Set.of(AudioFormat.PCM16_24K), Set.of(AudioFormat.PCM16_24K),
            true, true, true, false, Duration.ofHours(24)));

    private final Capabilities capabilities;

    Dialect(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    public Capabilities capabilities() {
        return capabilities;
    }
}
