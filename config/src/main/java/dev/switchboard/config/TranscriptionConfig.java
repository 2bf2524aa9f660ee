package dev.switchboard.config;

import java.util.Objects;

/**
 * The {@code transcription:} section of an agent: the provider also transcribes what the caller
 * says, with its own speech-to-text model (the transcript feeds logs, guardrails and scripts).
 *
 * @param model    the transcription model, e.g. {@code gpt-4o-mini-transcribe}; required
 * @param language the caller's language as an ISO 639-1 code, optionally with region (e.g.
 *                 {@code en}, {@code en-US}); null lets the model detect it
 * @param prompt   text that guides the transcription (vocabulary, formats); null when absent
 */
public record TranscriptionConfig(String model, String language, String prompt) {

    public TranscriptionConfig {
        Objects.requireNonNull(model, "model");
    }
}
