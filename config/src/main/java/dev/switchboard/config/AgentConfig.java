package dev.switchboard.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry under {@code agents:}: a persona that answers calls.
 *
 * @param provider             name of an entry under {@code providers:}; required
 * @param mode                 mode of the local engine (e.g. {@code echo}); other provider types
 *                             ignore it; may be null
 * @param voice                provider voice name; null means the provider's default
 * @param instructions         system prompt; may be null
 * @param tools                names of tools under {@code tools:} or {@link ToolConfig#BUILT_INS}; default empty
 * @param greeting             fixed text the agent says first when a call is answered; null means it
 *                             waits for the caller (unless {@code greetingInstructions} is set)
 * @param connectTimeout       how long to wait for the provider session before giving up on a call;
 *                             default 5 s
 * @param greetingInstructions instead of fixed text, what the model is told to compose its greeting
 *                             from; null when absent; never set together with {@code greeting}
 * @param dtmf                 how pressed keys reach the agent; {@link DtmfConfig#defaults()} when absent
 * @param transferTargets      names {@code transfer_call} may transfer to, mapped to sip:, sips: or
 *                             tel: URIs, in file order; empty when none
 * @param handoffs             other agents this agent may hand the call over to; empty when none
 * @param guardrails           patterns the agent must not say; null when absent
 * @param script               rules the local provider runs on what the caller keys or says, in file
 *                             order; empty when none (and always empty for other providers)
 * @param speed                speaking rate, {@value #MIN_SPEED}..{@value #MAX_SPEED}; null means the
 *                             provider's default (1.0)
 * @param maxOutputTokens      most tokens per model response, 1..{@value #MAX_OUTPUT_TOKENS_LIMIT};
 *                             null means the provider's default
 * @param temperature          sampling temperature, 0.0..{@value #MAX_TEMPERATURE} (used by gemini);
 *                             null means the provider's default
 * @param toolChoice           {@code auto}, {@code none}, {@code required} or the name of one of
 *                             {@code tools}; null means the provider's default (auto)
 * @param noiseReduction       {@code near_field} or {@code far_field} input noise reduction; null
 *                             means none
 * @param transcription        transcription of the caller's speech; null when absent, and then the
 *                             server still transcribes the caller for provider type openai (with
 *                             {@code gpt-4o-mini-transcribe}) and not for the others
 * @param turnDetection        how the end of the caller's turn is detected; null when absent, which
 *                             means server_vad with the provider's defaults
 * @param audio                audio format exchanged with the provider; default {@link AudioMode#AUTO}
 * @param holdMessage          said (by the offline voice) once the provider has been unreachable for
 *                             {@code holdAfter}; empty when disabled; default {@link #DEFAULT_HOLD_MESSAGE}
 * @param holdAfter            see {@code holdMessage}; default 1.5 s
 * @param fallback             what the caller gets when the agent fails for good;
 *                             {@link FallbackConfig#defaults()} when absent
 * @param recording            where the agent's calls are recorded; null when absent (no recording)
 */
public record AgentConfig(String provider, String mode, String voice, String instructions,
                          List<String> tools, String greeting, Duration connectTimeout,
                          String greetingInstructions, DtmfConfig dtmf, Map<String, String> transferTargets,
                          List<String> handoffs, GuardrailConfig guardrails, List<ScriptRule> script,
                          Double speed, Integer maxOutputTokens, Double temperature, String toolChoice,
                          String noiseReduction, TranscriptionConfig transcription,
                          TurnDetectionConfig turnDetection, AudioMode audio, String holdMessage,
                          Duration holdAfter, FallbackConfig fallback, RecordingConfig recording) {

    /** Used when {@code connect_timeout} is absent. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Used when {@code hold_message} is absent. */
    public static final String DEFAULT_HOLD_MESSAGE = "One moment, please.";
    /** Used when {@code hold_after} is absent. */
    public static final Duration DEFAULT_HOLD_AFTER = Duration.ofMillis(1500);

    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 1.5;
    public static final int MAX_OUTPUT_TOKENS_LIMIT = 4096;
    public static final double MAX_TEMPERATURE = 2.0;
    /** The {@code tool_choice} values other than a tool name. */
    public static final List<String> TOOL_CHOICES = List.of("auto", "none", "required");
    /** The values accepted in {@code noise_reduction}. */
    public static final List<String> NOISE_REDUCTIONS = List.of("near_field", "far_field");

    public AgentConfig {
        Objects.requireNonNull(provider, "provider");
        tools = List.copyOf(tools);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        dtmf = dtmf == null ? DtmfConfig.defaults() : dtmf;
        transferTargets = Collections.unmodifiableMap(
                new LinkedHashMap<>(transferTargets == null ? Map.of() : transferTargets));
        handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
        script = script == null ? List.of() : List.copyOf(script);
        audio = audio == null ? AudioMode.AUTO : audio;
        holdMessage = holdMessage == null ? DEFAULT_HOLD_MESSAGE : holdMessage;
        holdAfter = holdAfter == null ? DEFAULT_HOLD_AFTER : holdAfter;
        fallback = fallback == null ? FallbackConfig.defaults() : fallback;
    }

    /** An agent with the defaults (mostly the provider's) for every setting after {@code script}. */
    public AgentConfig(String provider, String mode, String voice, String instructions,
                       List<String> tools, String greeting, Duration connectTimeout,
                       String greetingInstructions, DtmfConfig dtmf, Map<String, String> transferTargets,
                       List<String> handoffs, GuardrailConfig guardrails, List<ScriptRule> script) {
        this(provider, mode, voice, instructions, tools, greeting, connectTimeout, greetingInstructions, dtmf,
                transferTargets, handoffs, guardrails, script, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
