package dev.switchboard.sip.server;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.config.AgentConfig;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.sip.call.AgentBinding;
import dev.switchboard.sip.call.AgentDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents of the configuration, bound to their providers' transports once at start-up, and looked up by
 * dialed number for every INVITE.
 */
final class ConfiguredAgents implements AgentDirectory {

    private final Map<String, String> numbers;
    private final Map<String, AgentBinding> agents = new HashMap<>();

    ConfiguredAgents(SwitchboardConfig config, Providers providers) {
        this.numbers = config.numbers();
        config.agents().forEach((name, agent) -> {
            ProviderConfig provider = config.providers().get(agent.provider());
            agents.put(name, new AgentBinding(name, providers.transport(agent.provider()),
                    sessionConfig(agent, provider), agent.connectTimeout()));
        });
    }

    @Override
    public Optional<AgentBinding> forNumber(String dialedNumber) {
        return Optional.ofNullable(numbers.get(dialedNumber)).map(agents::get);
    }

    /**
     * The session an agent opens. Audio is 24 kHz PCM both ways for now; the local engine reads its mode (echo)
     * from the model name.
     */
    static SessionConfig sessionConfig(AgentConfig agent, ProviderConfig provider) {
        String model = ProviderConfig.LOCAL.equals(provider.type())
                ? (agent.mode() == null ? "echo" : agent.mode())
                : provider.model();
        return new SessionConfig(model, agent.instructions(), agent.voice(),
                AudioFormat.PCM16_24K, AudioFormat.PCM16_24K, List.of());
    }
}
