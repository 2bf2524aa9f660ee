package dev.switchboard.agent.runtime;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.tools.Tool;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small agent profiles for tests: named, with the given tools and nothing else unless asked for. */
final class TestProfiles {

    private TestProfiles() {}

    static AgentProfile profile(String name, Tool... tools) {
        Map<String, Tool> byName = new LinkedHashMap<>();
        for (Tool tool : tools) {
            byName.put(tool.definition().name(), tool);
        }
        SessionConfig session = new SessionConfig("echo", "You are the " + name + " agent.", null,
                AudioFormat.PCM16_24K, AudioFormat.PCM16_24K, List.of());
        return new AgentProfile(name, session, byName, Greeting.NONE, List.of(), 100, null, List.of());
    }

    static AgentProfile withGreeting(AgentProfile p, Greeting greeting) {
        return new AgentProfile(p.name(), p.session(), p.tools(), greeting, p.guardrails(), p.guardrailEvery(),
                p.guardrailMessage(), p.handoffs());
    }

    static AgentProfile withHandoffs(AgentProfile p, String... agents) {
        return new AgentProfile(p.name(), p.session(), p.tools(), p.greeting(), p.guardrails(), p.guardrailEvery(),
                p.guardrailMessage(), Arrays.asList(agents));
    }

    static AgentProfile withGuardrails(AgentProfile p, int every, String message, Guardrail... guardrails) {
        return new AgentProfile(p.name(), p.session(), p.tools(), p.greeting(), Arrays.asList(guardrails), every,
                message, p.handoffs());
    }
}
