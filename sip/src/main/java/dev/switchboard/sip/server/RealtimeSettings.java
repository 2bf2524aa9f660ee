package dev.switchboard.sip.server;

import dev.switchboard.agent.api.RealtimeOptions;
import dev.switchboard.agent.api.RealtimeOptions.Transcription;
import dev.switchboard.agent.api.RealtimeOptions.TurnDetection;
import dev.switchboard.config.AgentConfig;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.TranscriptionConfig;
import dev.switchboard.config.TurnDetectionConfig;
import java.time.Duration;

/** An agent's realtime options, from its configuration to the agent API's terms. */
final class RealtimeSettings {

    /**
     * Transcribes the caller by default on OpenAI, so both sides of the conversation reach the call's log and a
     * reconnect can restore what the caller said. (Azure needs a deployment name, so there it stays opt-in.)
     */
    static final String DEFAULT_OPENAI_TRANSCRIPTION = "gpt-4o-mini-transcribe";

    private RealtimeSettings() {}

    static RealtimeOptions of(AgentConfig agent, ProviderConfig provider) {
        return new RealtimeOptions(turnDetection(agent.turnDetection()), transcription(agent, provider),
                agent.noiseReduction(), agent.toolChoice(), agent.maxOutputTokens(), agent.speed(),
                agent.temperature());
    }

    private static TurnDetection turnDetection(TurnDetectionConfig config) {
        if (config == null) {
            return TurnDetection.SERVER_VAD;
        }
        return new TurnDetection(config.type(), config.threshold(), millis(config.prefixPadding()),
                millis(config.silenceDuration()), millis(config.idleTimeout()), config.eagerness());
    }

    private static Transcription transcription(AgentConfig agent, ProviderConfig provider) {
        TranscriptionConfig config = agent.transcription();
        if (config != null) {
            return new Transcription(config.model(), config.language(), config.prompt());
        }
        return "openai".equals(provider.type()) ? new Transcription(DEFAULT_OPENAI_TRANSCRIPTION, null, null) : null;
    }

    private static Integer millis(Duration duration) {
        return duration == null ? null : Math.toIntExact(duration.toMillis());
    }
}
