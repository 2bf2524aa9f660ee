package dev.switchboard.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds an agent's {@code script:}, the rules the local provider follows instead of a model: each
 * matches what the caller keyed or said, and may speak and call one of the agent's tools.
 */
final class ScriptRules {

    static final List<String> RULE_KEYS = List.of("when", "call", "args", "before", "say", "say_error");

    private ScriptRules() {
    }

    /**
     * @param agentTools the tool names the agent lists, as written, so a misspelt tool is reported
     *                   once in {@code tools} rather than again for every rule calling it
     */
    static List<ScriptRule> script(MapView agent, List<String> agentTools) {
        List<YamlNode> items = agent.items("script");
        List<ScriptRule> rules = new ArrayList<>();
        for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
            ScriptRule rule = rule(agent.entry(item, RULE_KEYS), item, agentTools);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static ScriptRule rule(MapView r, YamlNode item, List<String> agentTools) {
        String when = r.requiredString("when");
        if (when != null && r.parse(r.scalar("when"), null, Regexes.EXPECTED, ScriptPattern::compile) == null) {
            when = null;
        }
        String call = r.string("call", null);
        boolean callUsable = call == null || inAgentTools(r, call, agentTools);
        Map<String, String> args = new LinkedHashMap<>();
        r.scalarMap("args").forEach((name, value) -> args.put(name, value.text()));
        String before = r.string("before", null);
        String say = r.string("say", null);
        String sayError = r.string("say_error", null);
        if (call == null) {
            r.reject(List.of("args", "say_error"), "only used together with call");
            if (before == null && say == null && item instanceof YamlNode.Mapping) {
                r.problems().report(item, "a rule needs at least one of call, before or say");
            }
        }
        return when == null || !callUsable ? null : new ScriptRule(when, call, args, before, say, sayError);
    }

    private static boolean inAgentTools(MapView r, String call, List<String> agentTools) {
        if (agentTools.contains(call)) {
            return true;
        }
        YamlNode.Scalar scalar = r.scalar("call");
        String hint = scalar.fromEnvironment() ? "" : Suggestions.didYouMean(call, agentTools);
        String listed = agentTools.isEmpty() ? "the agent lists none" : "listed: " + String.join(", ", agentTools);
        r.problems().report(scalar, "tool " + scalar.shown() + " is not in this agent's tools" + hint
                + " (" + listed + ")");
        return false;
    }
}
