package dev.switchboard.sip.server;

import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.gemini.GeminiEndpoint;
import dev.switchboard.agent.gemini.GeminiRealtimeTransport;
import dev.switchboard.agent.local.LocalAgent;
import dev.switchboard.agent.local.LocalRealtimeServer;
import dev.switchboard.agent.openai.Dialect;
import dev.switchboard.agent.openai.OpenAiEndpoint;
import dev.switchboard.agent.openai.OpenAiRealtimeTransport;
import dev.switchboard.config.HostPort;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.ScriptPattern;
import dev.switchboard.config.SwitchboardConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One realtime transport per configured provider that some agent uses. A {@code local} provider starts the
 * built-in engine on loopback and is then reached like any OpenAI-compatible endpoint, through the same client.
 */
final class Providers implements AutoCloseable {

    private final Map<String, RealtimeTransport> transports = new HashMap<>();
    private final List<LocalRealtimeServer> localServers = new ArrayList<>();

    private Providers() {}

    /**
     * Builds the transports of the providers named in {@code used}; fails on a type this version cannot run.
     *
     * @param localAgents the scripted agents the local engine serves, by name
     */
    static Providers start(Map<String, ProviderConfig> configs, Set<String> used, Map<String, LocalAgent> localAgents) {
        Providers providers = new Providers();
        try {
            for (String name : used) {
                providers.transports.put(name, providers.transport(name, configs.get(name), localAgents));
            }
            return providers;
        } catch (RuntimeException e) {
            providers.close();
            throw e;
        }
    }

    private RealtimeTransport transport(String name, ProviderConfig config, Map<String, LocalAgent> localAgents) {
        return switch (config.type()) {
            case "local" -> {
                HostPort listen = config.listen() != null ? config.listen() : new HostPort("127.0.0.1", 0);
                LocalRealtimeServer server = LocalRealtimeServer.start(listen.host(), listen.port(), localAgents);
                localServers.add(server);
                yield new OpenAiRealtimeTransport(OpenAiEndpoint.bearer(server.baseUri().toString(), null, "echo"),
                        Dialect.LOCAL);
            }
            case "openai" -> new OpenAiRealtimeTransport(
                    OpenAiEndpoint.bearer(config.baseUrl(), config.apiKey(), config.model()), Dialect.OPENAI);
            case "azure" -> new OpenAiRealtimeTransport(OpenAiEndpoint.azure(config.baseUrl(), config.apiKey(),
                    config.entraToken(), config.model()), Dialect.AZURE);
            case "xai" -> new OpenAiRealtimeTransport(
                    OpenAiEndpoint.xai(config.baseUrl(), config.apiKey(), config.model()), Dialect.XAI);
            case "gemini" -> new GeminiRealtimeTransport(
                    GeminiEndpoint.apiKey(config.baseUrl(), config.apiKey(), config.model()));
            default -> throw new IllegalStateException("provider '" + name + "' has unknown type '"
                    + config.type() + "'");
        };
    }

    /** The scripted agents of the configuration, in the local engine's terms. */
    static Map<String, LocalAgent> localAgents(SwitchboardConfig config) {
        Map<String, LocalAgent> agents = new HashMap<>();
        config.agents().forEach((name, agent) -> {
            if (!agent.script().isEmpty()) {
                List<LocalAgent.Rule> rules = agent.script().stream().map(rule -> {
                    ScriptPattern when = ScriptPattern.compile(rule.when());
                    return new LocalAgent.Rule(when.pattern(), when.groups(), rule.call(), rule.args(),
                            rule.before(), rule.say(), rule.sayError());
                }).toList();
                agents.put(name, new LocalAgent(name, agent.greeting(), rules));
            }
        });
        return agents;
    }

    RealtimeTransport transport(String name) {
        return transports.get(name);
    }

    @Override
    public void close() {
        localServers.forEach(LocalRealtimeServer::close);
    }
}
