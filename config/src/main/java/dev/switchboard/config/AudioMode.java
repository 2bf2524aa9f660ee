package dev.switchboard.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code audio:} setting of an agent: what audio format is exchanged with the provider. */
public enum AudioMode {
    /**
     * G.711 passes through unchanged when the call's codec is G.711 (ITU-T G.711) and the provider
     * accepts it; otherwise 24 kHz PCM. Whether the provider accepts it is decided at runtime.
     */
    AUTO,
    /** Always 24 kHz 16-bit PCM, transcoded from and to the call's codec. */
    PCM;

    /** The names accepted in {@code audio}. */
    static List<String> names() {
        return Arrays.stream(values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();
    }
}
