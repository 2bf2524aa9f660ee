package dev.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Binds {@code providers:}, {@code tools:}, {@code agents:} and {@code numbers:}, and checks the
 * names they use to refer to each other. Entries that cannot be built are left out after their
 * problems are reported; references are checked against the names written in the file, so one
 * broken provider does not also make every agent using it an error.
 */
final class AgentSections {

    static final List<String> PROVIDER_KEYS = List.of("type", "api_key", "model", "base_url", "listen");
    static final List<String> AGENT_KEYS = List.of("provider", "mode", "voice", "instructions", "tools",
            "greeting", "connect_timeout");
    static final List<String> TOOL_KEYS = List.of("description", "parameters", "webhook");
    static final List<String> WEBHOOK_KEYS = List.of("url", "timeout", "headers");

    /** The function-name rule of the realtime APIs tools are declared to. */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** HTTP token characters (RFC 9110 §5.6.2), which header names consist of. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private AgentSections() {
    }

    static Map<String, ProviderConfig> providers(MapView top, Map<String, YamlNode> entries) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        entries.forEach((name, node) -> {
            ProviderConfig provider = provider(top.entry(node, PROVIDER_KEYS));
            if (provider != null) {
                providers.put(name, provider);
            }
        });
        return providers;
    }

    private static ProviderConfig provider(MapView p) {
        String type = p.require("type") ? p.choice("type", "provider type", ProviderConfig.TYPES, null) : null;
        String model = p.string("model", null);
        String baseUrl = p.url("base_url", null, List.of("wss", "ws", "https", "http"));
        HostPort listen = p.hostPort("listen", null);
        if (ProviderConfig.LOCAL.equals(type)) {
            p.reject(List.of("api_key", "model", "base_url"), "not used by provider type local");
            return new ProviderConfig(type, null, null, null, listen);
        }
        if (type == null) {
            return null;
        }
        p.reject(List.of("listen"), "only used by provider type local");
        String apiKey = p.requiredString("api_key");
        if (type.equals("azure")) {
            p.require("base_url", " (azure has no default endpoint: give your resource's realtime URL)");
        }
        return new ProviderConfig(type, apiKey, model, baseUrl, null);
    }

    static Map<String, ToolConfig> tools(MapView top, Map<String, YamlNode> entries) {
        Map<String, ToolConfig> tools = new LinkedHashMap<>();
        entries.forEach((name, node) -> {
            if (ToolConfig.BUILT_INS.contains(name)) {
                top.problems().report(node, "'" + name + "' is a built-in tool; give your tool another name");
            } else if (!TOOL_NAME.matcher(name).matches()) {
                top.problems().report(node, "tool name '" + name + "' must be 1-64 letters, digits, '_' or '-'");
            }
            ToolConfig tool = tool(top.entry(node, TOOL_KEYS));
            if (tool != null) {
                tools.put(name, tool);
            }
        });
        return tools;
    }

    private static ToolConfig tool(MapView t) {
        String description = t.string("description", null);
        Map<String, Object> parameters = Schemas.parameters(t);
        WebhookConfig webhook = t.require("webhook") ? webhook(t.section("webhook", WEBHOOK_KEYS)) : null;
        return webhook == null ? null : new ToolConfig(description, parameters, webhook);
    }

    private static WebhookConfig webhook(MapView w) {
        String url = w.require("url") ? w.url("url", null, List.of("https", "http")) : null;
        Duration timeout = w.duration("timeout", WebhookConfig.DEFAULT_TIMEOUT);
        Map<String, String> headers = new LinkedHashMap<>();
        w.scalarMap("headers").forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                w.problems().report(value, "invalid HTTP header name '" + name + "'");
            } else if (value.text().indexOf('\r') >= 0 || value.text().indexOf('\n') >= 0) {
                w.problems().report(value, "header value must not contain line breaks");
            } else {
                headers.put(name, value.text());
            }
        });
        return url == null ? null : new WebhookConfig(url, timeout, headers);
    }

    static Map<String, AgentConfig> agents(MapView top, Map<String, YamlNode> entries,
                                           Set<String> providerNames, Set<String> toolNames) {
        Set<String> usableTools = new LinkedHashSet<>(toolNames);
        usableTools.addAll(new TreeSet<>(ToolConfig.BUILT_INS));
        Map<String, AgentConfig> agents = new LinkedHashMap<>();
        entries.forEach((name, node) -> {
            AgentConfig agent = agent(top.entry(node, AGENT_KEYS), providerNames, usableTools);
            if (agent != null) {
                agents.put(name, agent);
            }
        });
        return agents;
    }

    private static AgentConfig agent(MapView a, Set<String> providerNames, Set<String> usableTools) {
        String provider = a.requiredString("provider");
        boolean known = provider != null
                && a.checkReference(a.scalar("provider"), "provider", providerNames, "providers");
        String mode = a.string("mode", null);
        String voice = a.string("voice", null);
        String instructions = a.string("instructions", null);
        List<String> tools = agentTools(a, usableTools);
        String greeting = a.string("greeting", null);
        Duration connectTimeout = a.duration("connect_timeout", AgentConfig.DEFAULT_CONNECT_TIMEOUT);
        return known ? new AgentConfig(provider, mode, voice, instructions, tools, greeting, connectTimeout) : null;
    }

    private static List<String> agentTools(MapView a, Set<String> usableTools) {
        List<YamlNode.Scalar> items = a.scalars("tools");
        List<String> tools = new ArrayList<>();
        for (YamlNode.Scalar item : items == null ? List.<YamlNode.Scalar>of() : items) {
            if (tools.contains(item.text())) {
                a.problems().report(item, "tool '" + item.text() + "' is listed twice");
            } else if (a.checkReference(item, "tool", usableTools, "tools")) {
                tools.add(item.text());
            }
        }
        return tools;
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
