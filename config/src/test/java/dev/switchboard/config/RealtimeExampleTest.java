package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of the realtime-provider documentation loads into exactly the records it describes. */
class RealtimeExampleTest {

    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-SECRET-1",
            "AZURE_ENTRA_TOKEN", "entra-SECRET-2", "XAI_API_KEY", "xai-SECRET-3", "GEMINI_API_KEY", "gem-SECRET-4");

    static final String EXAMPLE = """
            providers:
              openai:
                type: openai
                api_key: "${OPENAI_API_KEY}"
                model: gpt-realtime
                max_session: 55m
                reconnect:
                  attempts: 10
                  initial_backoff: 250ms
                  max_backoff: 1s
              azure:
                type: azure
                base_url: "https://myres.openai.azure.com"
                entra_token: "${AZURE_ENTRA_TOKEN}"
                model: my-gpt-realtime-deployment
              xai:   { type: xai, api_key: "${XAI_API_KEY}", model: grok-voice-latest }
              gemini: { type: gemini, api_key: "${GEMINI_API_KEY}", model: gemini-2.5-flash-native-audio-preview-12-2025 }
            agents:
              support:
                provider: openai
                voice: marin
                speed: 1.1
                max_output_tokens: 1024
                temperature: 0.7
                tool_choice: auto
                noise_reduction: near_field
                transcription: { model: gpt-4o-mini-transcribe, language: en, prompt: "Order numbers are digits." }
                turn_detection:
                  type: server_vad
                  threshold: 0.5
                  prefix_padding: 300ms
                  silence_duration: 500ms
                  idle_timeout: 8s
                audio: auto
                hold_message: "One moment please."
                hold_after: 1500ms
                fallback:
                  say: "Sorry, we cannot take your call right now. Please try again later."
                  then: transfer
                  transfer_to: "sip:operator@pbx.example.com"
            """;

    @Test
    void providersAreRead() {
        Map<String, ProviderConfig> providers = ConfigLoader.parse(EXAMPLE, "example.yaml", ENV::get).providers();

        assertEquals(new ProviderConfig("openai", "sk-SECRET-1", "gpt-realtime", null, null, null,
                Duration.ofMinutes(55), ReconnectConfig.defaults()), providers.get("openai"));
        assertEquals(new ProviderConfig("azure", null, "my-gpt-realtime-deployment", "https://myres.openai.azure.com",
                null, "entra-SECRET-2", Duration.ofMinutes(55), ReconnectConfig.defaults()), providers.get("azure"));
        assertEquals(new ProviderConfig("xai", "xai-SECRET-3", "grok-voice-latest", null, null),
                providers.get("xai"));
        assertEquals(new ProviderConfig("gemini", "gem-SECRET-4", "gemini-2.5-flash-native-audio-preview-12-2025",
                null, null, null, Duration.ofMinutes(9), null), providers.get("gemini"));
    }

    @Test
    void agentIsRead() {
        SwitchboardConfig config = ConfigLoader.parse(EXAMPLE, "example.yaml", ENV::get);

        assertEquals(new AgentConfig("openai", null, "marin", null, List.of(), null, Duration.ofSeconds(5), null,
                DtmfConfig.defaults(), Map.of(), List.of(), null, List.of(), 1.1, 1024, 0.7, "auto", "near_field",
                new TranscriptionConfig("gpt-4o-mini-transcribe", "en", "Order numbers are digits."),
                new TurnDetectionConfig("server_vad", 0.5, Duration.ofMillis(300), Duration.ofMillis(500),
                        Duration.ofSeconds(8), null),
                AudioMode.AUTO, "One moment please.", Duration.ofMillis(1500),
                new FallbackConfig(FallbackConfig.DEFAULT_SAY, FallbackConfig.Then.TRANSFER,
                        "sip:operator@pbx.example.com"), null), config.agents().get("support"));
        assertFalse(config.toString().contains("SECRET"), config::toString);
    }
}
