package dev.switchboard.agent.runtime;

import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import dev.switchboard.agent.tools.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything that makes an agent: its session (instructions, voice, audio formats), its tools, its greeting, its
 * guardrails and the agents it can hand a call over to.
 *
 * @param guardrailEvery characters of transcript between guardrail checks
 * @param guardrailMessage what the model is told when a guardrail trips; {@code {rule}} names the rule
 */
public record AgentProfile(
        String name,
        SessionConfig session,
        Map<String, Tool> tools,
        Greeting greeting,
        List<Guardrail> guardrails,
        int guardrailEvery,
        String guardrailMessage,
        List<String> handoffs) {

    public static final String DEFAULT_GUARDRAIL_MESSAGE =
            "Your last answer broke a rule ({rule}). Apologise briefly and continue without it.";

    public AgentProfile {
        tools = Map.copyOf(tools);
        guardrails = List.copyOf(guardrails);
        handoffs = List.copyOf(handoffs);
        guardrailMessage = guardrailMessage == null ? DEFAULT_GUARDRAIL_MESSAGE : guardrailMessage;
    }

    /** This profile with {@code more} tools added (e.g. built-ins bound to one call). */
    public AgentProfile withTools(Map<String, Tool> more) {
        Map<String, Tool> all = new java.util.LinkedHashMap<>(tools);
        all.putAll(more);
        return new AgentProfile(name, session, all, greeting, guardrails, guardrailEvery, guardrailMessage, handoffs);
    }

    /** This profile speaking {@code input}/{@code output} audio (the formats chosen for one call). */
    public AgentProfile withFormats(dev.switchboard.agent.api.AudioFormat input,
            dev.switchboard.agent.api.AudioFormat output) {
        return new AgentProfile(name, session.withFormats(input, output), tools, greeting, guardrails, guardrailEvery,
                guardrailMessage, handoffs);
    }

    /** The name of the tool that hands a call to {@code agent}. */
    public static String handoffTool(String agent) {
        return "transfer_to_" + agent;
    }

    /** The session to open: the profile's session with its tools and handoff tools declared to the model. */
    public SessionConfig sessionConfig() {
        List<ToolDefinition> definitions = new ArrayList<>();
        tools.values().forEach(tool -> definitions.add(tool.definition()));
        for (String agent : handoffs) {
            definitions.add(new ToolDefinition(handoffTool(agent),
                    "Hand the call over to the " + agent + " agent, who takes it from here.", null));
        }
        return new SessionConfig(session.model(), session.instructions(), session.voice(), session.inputFormat(),
                session.outputFormat(), definitions);
    }
}
