package dev.switchboard.agent.api;

/**
 * How the model listens and answers, beyond instructions and voice. Every field is optional ({@code null} means
 * the provider's default); a provider ignores what it has no equivalent for (realtime-protocols §2.2, §5, §6.2).
 *
 * @param turnDetection   how the provider decides the caller's turn is over
 * @param transcription   transcription of the caller's speech, for the logs; {@code null} for none
 * @param noiseReduction  {@code near_field} or {@code far_field} (OpenAI)
 * @param toolChoice      {@code auto}, {@code none}, {@code required}, or a tool's name
 * @param maxOutputTokens cap per response, tool calls included
 * @param speed           speaking rate, 0.25–1.5 (OpenAI, xAI)
 * @param temperature     sampling temperature (Gemini)
 */
public record RealtimeOptions(
        TurnDetection turnDetection,
        Transcription transcription,
        String noiseReduction,
        String toolChoice,
        Integer maxOutputTokens,
        Double speed,
        Double temperature) {

    public static final RealtimeOptions DEFAULTS = new RealtimeOptions(TurnDetection.SERVER_VAD, null, null, null,
            null, null, null);

    public RealtimeOptions {
        turnDetection = turnDetection == null ? TurnDetection.SERVER_VAD : turnDetection;
    }

    /**
     * Turn detection. {@code server_vad} (energy and silence, with threshold and timings) or {@code semantic_vad}
     * (the model judges when the caller has finished; OpenAI only, with {@code eagerness}). Responses are always
     * created by the provider at the end of a turn and interrupted by caller speech: a phone agent needs both.
     *
     * @param idleTimeoutMillis server VAD only: re-prompt the caller after this much silence
     */
    public record TurnDetection(
            String type,
            Double threshold,
            Integer prefixPaddingMillis,
            Integer silenceDurationMillis,
            Integer idleTimeoutMillis,
            String eagerness) {

        public static final TurnDetection SERVER_VAD = new TurnDetection("server_vad", null, null, null, null, null);

        public boolean semantic() {
            return "semantic_vad".equals(type);
        }
    }

    /** Transcription of the caller's speech: model, language hint and prompt (all optional but the model). */
    public record Transcription(String model, String language, String prompt) {}
}
