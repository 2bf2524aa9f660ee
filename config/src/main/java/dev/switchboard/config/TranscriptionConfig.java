package dev.switchboard.config;

/**
 * The {@code transcription:} section of an agent: the provider also transcribes what the caller
 * says, with its own speech-to-text model (the transcript feeds logs, guardrails and scripts).
 * What each provider type takes of it differs: openai and azure all of it, xai only the
 * {@code language}, gemini (which always transcribes both sides) and local nothing; the loader warns
 * about the parts a type ignores.
 *
 * @param model    the transcription model, e.g. {@code gpt-4o-mini-transcribe} (for azure, a
 *                 deployment name); required for openai and azure, and null only for the types
 *                 that do not use it (xai, gemini, local) when it is left out
 * @param language the caller's language as an ISO 639-1 code, optionally with region (e.g.
 *                 {@code en}, {@code en-US}); null lets the model detect it
 * @param prompt   text that guides the transcription (vocabulary, formats); null when absent
 */
public record TranscriptionConfig(String model, String language, String prompt) {
}
