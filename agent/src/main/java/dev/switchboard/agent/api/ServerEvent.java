package dev.switchboard.agent.api;

/**
 * Facts reported by a provider, named in the past tense. Providers map their wire events onto these; anything
 * with no neutral meaning arrives as {@link Unrecognized}.
 */
public sealed interface ServerEvent {

    /** The session is configured and ready to take audio. Always the first event of a session that opens. */
    record SessionReady() implements ServerEvent {}

    /** The provider's voice activity detection heard the caller start speaking. */
    record SpeechStarted(String itemId, long audioStartMillis) implements ServerEvent {}

    /** The provider's voice activity detection heard the caller stop speaking. */
    record SpeechStopped(String itemId, long audioEndMillis) implements ServerEvent {}

    /** The model started producing a response. */
    record ResponseStarted(String responseId) implements ServerEvent {}

    /** A chunk of the agent's voice, in the session's output format. */
    record AudioDelta(String responseId, String itemId, int contentIndex, byte[] audio) implements ServerEvent {}

    /** Text of what someone said; {@code done} marks the complete transcript of an item. */
    record Transcript(Role role, String itemId, String text, boolean done) implements ServerEvent {}

    /** The model started a function call; its arguments stream in afterwards. */
    record ToolCallStarted(String callId, String name) implements ServerEvent {}

    /** A fragment of a function call's JSON arguments. */
    record ToolCallArgumentsDelta(String callId, String delta) implements ServerEvent {}

    /** A function call's complete JSON arguments. */
    record ToolCallDone(String callId, String name, String arguments) implements ServerEvent {}

    /** The response ended: {@code completed}, {@code cancelled}, {@code failed} or {@code incomplete}. */
    record ResponseDone(String responseId, String status, String reason) implements ServerEvent {}

    /** The provider reported an error; the session stays open. */
    record ProviderError(String code, String message) implements ServerEvent {}

    /**
     * The session is over. Always the last event.
     *
     * @param code      the WebSocket close code, or {@code -1} when the connection failed or never opened
     * @param reason    why, as the provider or the network said it
     * @param retryable whether reconnecting could help (false for a refused key, an unknown model, a clean close)
     */
    record Closed(int code, String reason, boolean retryable) implements ServerEvent {}

    /** Tokens a response used (OpenAI {@code response.done} usage, Gemini {@code usageMetadata}). */
    record Usage(int inputTokens, int outputTokens, int totalTokens) implements ServerEvent {}

    /** The provider's rate limits as it reported them ({@code rate_limits.updated}). */
    record RateLimits(java.util.List<RateLimit> limits) implements ServerEvent {}

    /** One rate limit: what it counts, its ceiling, what is left, and when it resets. */
    record RateLimit(String name, long limit, long remaining, double resetSeconds) {}

    /** The provider will close this connection soon (Gemini {@code goAway}); time to move to a new one. */
    record GoingAway(java.time.Duration timeLeft) implements ServerEvent {}

    /** A handle that resumes this session on a new connection (Gemini {@code sessionResumptionUpdate}). */
    record ResumptionHandle(String handle) implements ServerEvent {}

    /** The connection dropped and a new one is being made; audio is not heard meanwhile. */
    record Reconnecting(int attempt, String reason) implements ServerEvent {}

    /** A replacement session is ready and has the conversation so far. */
    record Reconnected(int attempts) implements ServerEvent {}

    /** A provider event with no neutral meaning, kept for logging. */
    record Unrecognized(String type) implements ServerEvent {}

    /** Who said something. */
    enum Role { USER, AGENT }
}
