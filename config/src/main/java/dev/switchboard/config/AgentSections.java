package dev.switchboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds {@code agents:} and {@code numbers:}, and checks the names they use to refer to each other,
 * to {@code providers:} (bound by {@link ProviderSections}) and to {@code tools:} (bound by
 * {@link ToolSections}). Entries that cannot be built are left out after their problems are
 * reported; references are checked against the names written in the file, so one broken provider
 * does not also make every agent using it an error.
 */
final class AgentSections {

    static final List<String> AGENT_KEYS = List.of("provider", "mode", "voice", "instructions", "tools",
            "greeting", "connect_timeout", "greeting_instructions", "dtmf", "transfer_targets", "handoffs",
            "guardrails", "script", "speed", "max_output_tokens", "temperature", "tool_choice", "noise_reduction",
            "transcription", "turn_detection", "audio", "hold_message", "hold_after", "fallback",
            "recording");

    private AgentSections() {
    }

    /**
     * @param providers     the providers that could be built, to look up their types; a provider missing
     *                      here was already reported, so the agents using it are not checked against it
     * @param baseDirectory what relative recording paths are resolved against
     */
    static Map<String, AgentConfig> agents(MapView top, Map<String, YamlNode> entries,
                                           Map<String, YamlNode> providerNodes, Map<String, ProviderConfig> providers,
                                           Set<String> toolNames, Path baseDirectory) {
        Set<String> usableTools = new LinkedHashSet<>(toolNames);
        usableTools.addAll(new TreeSet<>(ToolConfig.BUILT_INS));
        References references = new References(providerNodes.keySet(), providers, usableTools, entries.keySet());
        Map<String, AgentConfig> agents = new LinkedHashMap<>();
        entries.forEach((name, node) -> {
            AgentConfig agent = agent(name, top.entry(node, AGENT_KEYS), references, baseDirectory);
            if (agent != null) {
                agents.put(name, agent);
            }
        });
        return agents;
    }

    /** The names an agent may refer to, as written in the file. */
    private record References(Set<String> providerNames, Map<String, ProviderConfig> providers,
                              Set<String> usableTools, Set<String> agentNames) {
    }

    private static AgentConfig agent(String name, MapView a, References references, Path baseDirectory) {
        String provider = a.requiredString("provider");
        boolean known = provider != null
                && a.checkReference(a.scalar("provider"), "provider", references.providerNames(), "providers");
        ProviderConfig providerConfig = known ? references.providers().get(provider) : null;
        String mode = a.string("mode", null);
        String voice = a.string("voice", null);
        String instructions = a.string("instructions", null);
        List<YamlNode.Scalar> toolItems = a.scalars("tools");
        List<String> tools = agentTools(a, toolItems, references.usableTools());
        String greeting = a.string("greeting", null);
        Duration connectTimeout = a.duration("connect_timeout", AgentConfig.DEFAULT_CONNECT_TIMEOUT);
        String greetingInstructions = greetingInstructions(a, greeting);
        DtmfConfig dtmf = AgentFeatures.dtmf(a.section("dtmf", AgentFeatures.DTMF_KEYS));
        Map<String, String> transferTargets = AgentFeatures.transferTargets(a);
        List<String> handoffs = AgentFeatures.handoffs(a, name, references.agentNames());
        GuardrailConfig guardrails = a.node("guardrails") == null ? null
                : AgentFeatures.guardrails(a.section("guardrails", AgentFeatures.GUARDRAIL_KEYS));
        List<ScriptRule> script = ScriptRules.script(a, written(toolItems));
        checkScriptProvider(a, providerConfig);
        SessionSections.Settings session = SessionSections.settings(a, written(toolItems), providerConfig);
        IgnoredSettings.warn(a, providerConfig);
        RecoverySections.Settings recovery = RecoverySections.settings(a);
        RecordingConfig recording = a.node("recording") == null ? null
                : RecordingSections.recording(a.section("recording", RecordingSections.RECORDING_KEYS), baseDirectory);
        if (!known) {
            return null;
        }
        return new AgentConfig(provider, mode, voice, instructions, tools, greeting, connectTimeout,
                greetingInstructions, dtmf, transferTargets, handoffs, guardrails, script,
                session.speed(), session.maxOutputTokens(), session.temperature(), session.toolChoice(),
                session.noiseReduction(), session.transcription(), session.turnDetection(), session.audio(),
                recovery.holdMessage(), recovery.holdAfter(), recovery.fallback(), recording);
    }

    private static List<String> agentTools(MapView a, List<YamlNode.Scalar> items, Set<String> usableTools) {
        boolean hasTransferTargets = AgentFeatures.hasTransferTargets(a);
        List<String> tools = new ArrayList<>();
        for (YamlNode.Scalar item : items == null ? List.<YamlNode.Scalar>of() : items) {
            if (tools.contains(item.text())) {
                a.problems().report(item, "tool '" + item.text() + "' is listed twice");
            } else if (a.checkReference(item, "tool", usableTools, "tools")) {
                tools.add(item.text());
                if (item.text().equals(ToolConfig.TRANSFER_CALL) && !hasTransferTargets) {
                    a.problems().report(item, "transfer_call needs transfer_targets (the names and URIs "
                            + "the model may transfer to)");
                }
            }
        }
        return tools;
    }

    private static List<String> written(List<YamlNode.Scalar> items) {
        return items == null ? List.of() : items.stream().map(YamlNode.Scalar::text).distinct().toList();
    }

    private static String greetingInstructions(MapView a, String greeting) {
        String instructions = a.string("greeting_instructions", null);
        if (instructions != null && greeting != null) {
            a.problems().report(a.scalar("greeting_instructions"),
                    "give either greeting (fixed text) or greeting_instructions (the model composes it), not both");
        }
        return instructions;
    }

    /**
     * A script replaces the model, which only the local engine can do without one.
     *
     * @param provider null when unknown or not built (already reported)
     */
    private static void checkScriptProvider(MapView a, ProviderConfig provider) {
        YamlNode script = a.node("script");
        if (script != null && provider != null && !ProviderConfig.LOCAL.equals(provider.type())) {
            a.problems().report(script, "script is only understood by the local provider (this agent's provider "
                    + "has type " + provider.type() + ")");
        }
    }

    static Map<String, String> numbers(MapView top, Set<String> agentNames) {
        Map<String, String> numbers = new LinkedHashMap<>();
        top.scalarMap("numbers").forEach((number, agent) -> {
            if (number.isBlank()) {
                top.problems().report(agent, "the dialed number must not be empty");
            } else if (top.checkReference(agent, "agent", agentNames, "agents")) {
                numbers.put(number, agent.text());
            }
        });
        return numbers;
    }
}
