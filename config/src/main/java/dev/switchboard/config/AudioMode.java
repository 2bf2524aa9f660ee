package dev.switchboard.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code audio:} setting of an agent: what audio format is exchanged with the provider. PCM is
 * 16-bit at the rate the provider prefers: 24 kHz both ways for the OpenAI-protocol types (openai,
 * azure, xai) and the local engine; for gemini, 16 kHz to the provider and 24 kHz from it.
 */
public enum AudioMode {
    /**
     * G.711 passes through unchanged when the call's codec is G.711 (ITU-T G.711) and the provider
     * accepts it (openai, azure and xai do); otherwise PCM at the provider's rate. Whether the provider
     * accepts it is decided at runtime.
     */
    AUTO,
    /** Always PCM at the provider's rate, transcoded and resampled from and to the call's codec. */
    PCM;

    /** The names accepted in {@code audio}. */
    static List<String> names() {
        return Arrays.stream(values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();
    }
}
