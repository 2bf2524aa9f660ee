package dev.switchboard.sip.server;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.runtime.AgentProfile;
import dev.switchboard.agent.runtime.Greeting;
import dev.switchboard.agent.runtime.Guardrail;
import dev.switchboard.agent.runtime.PatternGuardrail;
import dev.switchboard.agent.tools.TableTool;
import dev.switchboard.agent.tools.Tool;
import dev.switchboard.agent.tools.WebhookTool;
import dev.switchboard.agent.resilience.ReconnectPolicy;
import dev.switchboard.config.AgentConfig;
import dev.switchboard.media.recording.PathTemplate;
import dev.switchboard.config.FallbackConfig;
import dev.switchboard.config.GuardrailConfig;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.ReconnectConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.ToolConfig;
import dev.switchboard.sip.call.AgentBinding;
import dev.switchboard.sip.call.AgentDirectory;
import dev.switchboard.sip.call.Recovery;
import dev.switchboard.sip.tools.BuiltinTools;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agents of the configuration, built once at start-up: their tools (webhooks, tables), sessions, greetings,
 * guardrails and handoffs, bound to their providers' transports, and looked up by dialed number for every INVITE.
 */
final class ConfiguredAgents implements AgentDirectory {

    private final Map<String, String> numbers;
    private final Map<String, AgentBinding> agents = new HashMap<>();

    ConfiguredAgents(SwitchboardConfig config, Providers providers, HttpClient http, Prompts prompts) {
        this.numbers = config.numbers();
        Map<String, Tool> declared = declaredTools(config.tools(), http);
        config.agents().forEach((name, agent) -> {
            ProviderConfig provider = config.providers().get(agent.provider());
            AgentProfile profile = new AgentProfile(name, sessionConfig(name, agent, provider),
                    toolsOf(agent, declared), greeting(agent), guardrails(agent.guardrails()),
                    agent.guardrails() == null ? 100 : agent.guardrails().checkEvery(),
                    agent.guardrails() == null ? null : agent.guardrails().message(), agent.handoffs());
            List<String> builtIns = agent.tools().stream().filter(BuiltinTools.NAMES::contains).toList();
            agents.put(name, new AgentBinding(name, providers.transport(agent.provider()), profile,
                    agent.connectTimeout(), agent.dtmf(), builtIns, agent.transferTargets(), agent.audio(),
                    recovery(agent, provider, prompts), recording(name, agent)));
        });
        requireHandoffsWithinProvider(config);
    }

    /** Where the agent's calls are recorded, or {@code null} when they are not. */
    private static PathTemplate recording(String name, AgentConfig agent) {
        if (agent.recording() == null || !agent.recording().enabled()) {
            return null;
        }
        try {
            return PathTemplate.parse(agent.recording().path());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("agents." + name + ".recording.path: " + e.getMessage(), e);
        }
    }

    /** Whether any agent records its calls. */
    boolean records() {
        return agents.values().stream().anyMatch(binding -> binding.recording() != null);
    }

    /** Reconnects per the provider's settings; prompts rendered now, so they never need a provider. */
    private static Recovery recovery(AgentConfig agent, ProviderConfig provider, Prompts prompts) {
        ReconnectConfig reconnect = provider.reconnect();
        ReconnectPolicy policy = new ReconnectPolicy(reconnect.attempts(), reconnect.initialBackoff(),
                reconnect.maxBackoff(), provider.maxSession());
        FallbackConfig fallback = agent.fallback();
        return new Recovery(policy, prompts.render(agent.holdMessage()), agent.holdAfter(),
                prompts.render(fallback.say()), fallback.then(), fallback.transferTo(),
                describe(agent.provider(), provider));
    }

    /** "provider openai (credentials in providers.openai.api_key)": what a failure log names. */
    private static String describe(String name, ProviderConfig provider) {
        if (ProviderConfig.LOCAL.equals(provider.type())) {
            return "provider " + name + " (built-in engine)";
        }
        String key = provider.entraToken() != null ? "entra_token" : "api_key";
        return "provider " + name + " (credentials in providers." + name + "." + key + ")";
    }

    @Override
    public Optional<AgentBinding> forNumber(String dialedNumber) {
        return Optional.ofNullable(numbers.get(dialedNumber)).map(agents::get);
    }

    @Override
    public Optional<AgentBinding> named(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    /**
     * The session an agent opens; each call picks its audio formats (G.711 pass-through where it can). The local
     * engine reads from the model name which behaviour to run: {@code echo}, or the agent's own script.
     */
    static SessionConfig sessionConfig(String name, AgentConfig agent, ProviderConfig provider) {
        String model = provider.model();
        if (ProviderConfig.LOCAL.equals(provider.type())) {
            model = agent.script().isEmpty() ? (agent.mode() == null ? "echo" : agent.mode()) : name;
        }
        return new SessionConfig(model, agent.instructions(), agent.voice(),
                AudioFormat.PCM16_24K, AudioFormat.PCM16_24K, List.of(), RealtimeSettings.of(agent, provider));
    }

    private static Map<String, Tool> declaredTools(Map<String, ToolConfig> configs, HttpClient http) {
        Map<String, Tool> tools = new LinkedHashMap<>();
        configs.forEach((name, tool) -> {
            ToolDefinition definition = new ToolDefinition(name, tool.description(), tool.parameters());
            if (tool.webhook() != null) {
                tools.put(name, new WebhookTool(definition, URI.create(tool.webhook().url()),
                        tool.webhook().timeout(), tool.webhook().headers(), http));
            } else {
                tools.put(name, new TableTool(definition, tool.table().file(), tool.table().key()));
            }
        });
        return tools;
    }

    private static Map<String, Tool> toolsOf(AgentConfig agent, Map<String, Tool> declared) {
        Map<String, Tool> tools = new LinkedHashMap<>();
        for (String name : agent.tools()) {
            if (declared.containsKey(name)) {
                tools.put(name, declared.get(name));
            }
        }
        return tools;
    }

    private static Greeting greeting(AgentConfig agent) {
        return new Greeting(agent.greeting(), agent.greetingInstructions());
    }

    private static List<Guardrail> guardrails(GuardrailConfig config) {
        if (config == null) {
            return List.of();
        }
        return config.deny().stream().<Guardrail>map(regex -> new PatternGuardrail(Pattern.compile(regex))).toList();
    }

    /** A handoff swaps the session's instructions and tools; it cannot move the call to another provider. */
    private static void requireHandoffsWithinProvider(SwitchboardConfig config) {
        config.agents().forEach((name, agent) -> {
            for (String other : agent.handoffs()) {
                String otherProvider = config.agents().get(other).provider();
                if (!otherProvider.equals(agent.provider())) {
                    throw new IllegalStateException("agent '" + name + "' hands off to '" + other + "', which uses "
                            + "provider '" + otherProvider + "', not '" + agent.provider() + "': a handoff keeps the "
                            + "call's realtime session, so both agents must use the same provider");
                }
            }
        });
    }
}
