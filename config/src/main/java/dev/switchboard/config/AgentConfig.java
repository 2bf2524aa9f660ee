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
 * @param mode                 provider-specific mode (e.g. {@code echo} for the local engine); may be null
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
 */
public record AgentConfig(String provider, String mode, String voice, String instructions,
                          List<String> tools, String greeting, Duration connectTimeout,
                          String greetingInstructions, DtmfConfig dtmf, Map<String, String> transferTargets,
                          List<String> handoffs, GuardrailConfig guardrails, List<ScriptRule> script) {

    /** Used when {@code connect_timeout} is absent. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public AgentConfig {
        Objects.requireNonNull(provider, "provider");
        tools = List.copyOf(tools);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        dtmf = dtmf == null ? DtmfConfig.defaults() : dtmf;
        transferTargets = Collections.unmodifiableMap(
                new LinkedHashMap<>(transferTargets == null ? Map.of() : transferTargets));
        handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
        script = script == null ? List.of() : List.copyOf(script);
    }
}
