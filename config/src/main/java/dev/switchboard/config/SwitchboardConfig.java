package dev.switchboard.config;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole server configuration, as loaded by {@link ConfigLoader}. All maps are immutable and
 * keep the order of the file.
 *
 * @param sip       SIP listener settings
 * @param media     RTP settings
 * @param admin     admin HTTP endpoint settings
 * @param providers realtime backends by name
 * @param agents    agents by name
 * @param tools     webhook and table tools by name (built-ins are not listed here)
 * @param numbers   dialed number (Request-URI user part) to agent name
 * @param trunks    SIP peers recognised by source address, by name; empty when none
 */
public record SwitchboardConfig(SipConfig sip, MediaConfig media, AdminConfig admin,
                                Map<String, ProviderConfig> providers, Map<String, AgentConfig> agents,
                                Map<String, ToolConfig> tools, Map<String, String> numbers,
                                Map<String, TrunkConfig> trunks) {

    public SwitchboardConfig {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(admin, "admin");
        providers = ordered(providers);
        agents = ordered(agents);
        tools = ordered(tools);
        numbers = ordered(numbers);
        trunks = ordered(trunks);
    }

    /** The agent name the dialed number maps to, by exact match. */
    public Optional<String> agentNameFor(String dialedNumber) {
        return Optional.ofNullable(numbers.get(dialedNumber));
    }

    /** The agent the dialed number maps to, by exact match. */
    public Optional<AgentConfig> agentFor(String dialedNumber) {
        return agentNameFor(dialedNumber).map(agents::get);
    }

    /**
     * The name of the trunk a request from {@code source} comes from: the first trunk, in file order,
     * with a block containing it. Overlapping blocks are allowed, so the order matters.
     */
    public Optional<String> trunkNameFor(InetAddress source) {
        return trunks.entrySet().stream().filter(trunk -> trunk.getValue().matches(source))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The trunk a request from {@code source} comes from, as {@link #trunkNameFor(InetAddress)} picks it. */
    public Optional<TrunkConfig> trunkFor(InetAddress source) {
        return trunkNameFor(source).map(trunks::get);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
