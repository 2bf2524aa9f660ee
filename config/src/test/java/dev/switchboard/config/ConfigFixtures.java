package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small shared helpers: parse YAML with a fixed environment, and collect the problems it causes. */
final class ConfigFixtures {

    static final String SOURCE = "demo.yaml";

    /** The environment of the examples; the values are fake secrets that must never show up in messages. */
    static final Map<String, String> ENV = Map.of(
            "OPENAI_API_KEY", "sk-test-SECRET-1",
            "SHOP_TOKEN", "shop-SECRET-2");

    /** The v1 example of the user documentation, verbatim. */
    static final String EXAMPLE = """
            sip:
              listen: 0.0.0.0:5060          # UDP and TCP on this host:port. Default 0.0.0.0:5060
              transports: [udp, tcp]        # default both; allowed values udp, tcp
              external_address: 203.0.113.10  # optional: host written in Contact; default = media.address
              ack_timeout: 32s              # optional duration, default 32s
              max_calls: 200                # optional, default 200 (>=1)
              requests_per_second: 50       # optional, default 50 (>=1)
              user_agent: Switchboard       # optional, default "Switchboard"
            media:
              address: 203.0.113.10         # address put in SDP c= lines
              bind: 0.0.0.0                 # optional: address RTP sockets bind to
              rtp_ports: 20000-20999        # "first-last", inclusive
              codecs: [pcmu, pcma]          # optional preference/allow list
            admin:
              listen: 127.0.0.1:8080        # GET /healthz, metrics, API
              token: "${SWITCHBOARD_ADMIN_TOKEN:-}"   # optional bearer token
            providers:
              openai: { type: openai, api_key: "${OPENAI_API_KEY}", model: gpt-realtime, base_url: "wss://api.openai.com/v1" }
              local:  { type: local }       # built-in engine; optional `listen: 127.0.0.1:0`
            agents:
              echo:   { provider: local, mode: echo }
              orders: { provider: openai, voice: marin, instructions: "...", tools: [order_lookup, end_call], greeting: "Hello", connect_timeout: 5s }
            tools:
              order_lookup:
                description: Look up an order by number
                parameters: { type: object, properties: { order_id: { type: string } }, required: [order_id] }
                webhook: { url: "https://shop.example/api/orders", timeout: 3s, headers: { Authorization: "Bearer ${SHOP_TOKEN}" } }
            numbers:
              "+15551230000": orders        # the dialed number (Request-URI user part) picks the agent
              "600": echo
            """;

    /** One provider of each type, on lines 1-6, so {@code agents:} can follow on line 7. */
    static final String EVERY_PROVIDER = """
            providers:
              ai: {type: openai, api_key: k}
              az: {type: azure, base_url: "https://r.openai.azure.com", model: d, api_key: k}
              x: {type: xai, api_key: k}
              gem: {type: gemini, api_key: k, model: m}
              local: {type: local}
            """;

    /** The smallest useful file: everything else defaults. */
    static final String MINIMAL = "providers: {local: {type: local}}\n";

    private ConfigFixtures() {
    }

    static SwitchboardConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, SOURCE, ENV::get);
    }

    /** Parses with relative table files resolved against {@code baseDirectory}. */
    static SwitchboardConfig parse(String yaml, Path baseDirectory) {
        return ConfigLoader.parse(yaml, SOURCE, ENV::get, baseDirectory);
    }

    /** The problems {@code yaml} must cause, with relative table files resolved against {@code baseDirectory}. */
    static List<ConfigProblem> problems(String yaml, Path baseDirectory) {
        return assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(yaml, SOURCE, ENV::get, baseDirectory)).problems();
    }

    /** The problems {@code yaml} must cause. */
    static List<ConfigProblem> problems(String yaml) {
        return problems(yaml, ENV);
    }

    static List<ConfigProblem> problems(String yaml, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE, env::get)).problems();
    }

    /** The warnings of {@code yaml}, which must load. */
    static List<ConfigProblem> warnings(String yaml) {
        return ConfigLoader.parseWithWarnings(yaml, SOURCE, ENV::get, Path.of("")).warnings();
    }

    /** The one problem at {@code path}; fails when there is none or several. */
    static ConfigProblem problemAt(List<ConfigProblem> problems, String path) {
        List<ConfigProblem> matching = problems.stream().filter(p -> p.path().equals(path)).toList();
        if (matching.size() != 1) {
            fail("expected one problem at " + path + " but got " + matching + " among " + problems);
        }
        return matching.getFirst();
    }
}
