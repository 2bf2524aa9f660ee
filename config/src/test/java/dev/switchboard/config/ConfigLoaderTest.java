package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.EXAMPLE;
import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void fullExampleLoadsEverySection() {
        SwitchboardConfig config = parse(EXAMPLE);

        assertEquals(new SipConfig(new HostPort("0.0.0.0", 5060), List.of("udp", "tcp"), "203.0.113.10",
                Duration.ofSeconds(32), 200, 50, "Switchboard"), config.sip());
        assertEquals(new MediaConfig("203.0.113.10", "0.0.0.0", new PortRange(20000, 20999),
                List.of("pcmu", "pcma"), CodecPreference.OFFER, JitterBufferConfig.defaults(), Duration.ofSeconds(30),
                Duration.ofSeconds(5), OpusConfig.defaults()), config.media());
        assertEquals(new AdminConfig(new HostPort("127.0.0.1", 8080), null), config.admin());
        assertEquals(new ProviderConfig("openai", "sk-test-SECRET-1", "gpt-realtime", "wss://api.openai.com/v1", null),
                config.providers().get("openai"));
        assertEquals(new ProviderConfig("local", null, null, null, null), config.providers().get("local"));
        assertEquals(new AgentConfig("local", "echo", null, null, List.of(), null, Duration.ofSeconds(5),
                null, DtmfConfig.defaults(), Map.of(), List.of(), null, List.of()), config.agents().get("echo"));
        assertEquals(new AgentConfig("openai", null, "marin", "...", List.of("order_lookup", "end_call"), "Hello",
                Duration.ofSeconds(5), null, DtmfConfig.defaults(), Map.of(), List.of(), null, List.of()),
                config.agents().get("orders"));
    }

    @Test
    void fullExampleToolKeepsSchemaAndSubstitutesHeader() {
        ToolConfig tool = parse(EXAMPLE).tools().get("order_lookup");

        assertEquals("Look up an order by number", tool.description());
        assertEquals(Map.of("type", "object", "properties", Map.of("order_id", Map.of("type", "string")),
                "required", List.of("order_id")), tool.parameters());
        assertEquals(List.of("type", "properties", "required"), List.copyOf(tool.parameters().keySet()));
        assertEquals(new WebhookConfig("https://shop.example/api/orders", Duration.ofSeconds(3),
                Map.of("Authorization", "Bearer shop-SECRET-2")), tool.webhook());
        assertNull(tool.table());
    }

    @Test
    void mapsKeepFileOrderAndAreImmutable() {
        SwitchboardConfig config = parse(EXAMPLE);

        assertEquals(List.of("openai", "local"), List.copyOf(config.providers().keySet()));
        assertEquals(List.of("echo", "orders"), List.copyOf(config.agents().keySet()));
        assertEquals(List.of("+15551230000", "600"), List.copyOf(config.numbers().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> config.numbers().put("1", "echo"));
        assertThrows(UnsupportedOperationException.class, () -> config.agents().get("orders").tools().add("x"));
        assertThrows(UnsupportedOperationException.class,
                () -> config.tools().get("order_lookup").parameters().put("x", 1));
    }

    @Test
    void dialedNumberPicksAgentByExactMatch() {
        SwitchboardConfig config = parse(EXAMPLE);

        assertEquals(Optional.of("orders"), config.agentNameFor("+15551230000"));
        assertEquals(Optional.of(config.agents().get("echo")), config.agentFor("600"));
        assertEquals(Optional.empty(), config.agentNameFor("15551230000"));
        assertEquals(Optional.empty(), config.agentFor("6000"));
    }

    @Test
    void minimalFileGetsAllDefaults() {
        SwitchboardConfig config = parse(MINIMAL);

        assertEquals(SipConfig.defaults(), config.sip());
        assertEquals(new HostPort("0.0.0.0", 5060), config.sip().listen());
        assertEquals(List.of("udp", "tcp"), config.sip().transports());
        assertNull(config.sip().externalAddress());
        assertEquals(Duration.ofSeconds(32), config.sip().ackTimeout());
        assertEquals(200, config.sip().maxCalls());
        assertEquals(50, config.sip().requestsPerSecond());
        assertEquals("Switchboard", config.sip().userAgent());
        assertEquals(new MediaConfig(null, "0.0.0.0", new PortRange(20000, 20999),
                List.of("pcmu", "pcma", "g722", "opus"), CodecPreference.OFFER,
                new JitterBufferConfig(Duration.ofMillis(20), Duration.ofMillis(200)), Duration.ofSeconds(30),
                Duration.ofSeconds(5), new OpusConfig(32000, 5, true, 10, false)), config.media());
        assertEquals(new AdminConfig(new HostPort("127.0.0.1", 8080), null), config.admin());
        assertEquals(Map.of("local", new ProviderConfig("local", null, null, null, null)), config.providers());
        assertTrue(config.agents().isEmpty());
        assertTrue(config.tools().isEmpty());
        assertTrue(config.numbers().isEmpty());
        assertTrue(config.trunks().isEmpty());
    }

    @Test
    void externalAddressDefaultsToMediaAddress() {
        SwitchboardConfig config = parse("media: {address: 198.51.100.7}\n" + MINIMAL);

        assertEquals("198.51.100.7", config.sip().externalAddress());
    }

    @Test
    void emptySectionsAndEmptyValuesMeanDefaults() {
        SwitchboardConfig config = parse("sip:\nmedia: {}\nadmin: {token: ''}\nagents:\ntools:\nnumbers:\n" + MINIMAL);

        assertEquals(SipConfig.defaults(), config.sip());
        assertEquals(MediaConfig.defaults(), config.media());
        assertNull(config.admin().token());
        assertTrue(config.numbers().isEmpty());
    }

    @Test
    void unquotedIntegerNumberKeyIsText() {
        SwitchboardConfig config = parse(MINIMAL + """
                agents: {echo: {provider: local, mode: echo}}
                numbers:
                  600: echo
                  0600: echo
                """);

        assertEquals(Optional.of("echo"), config.agentNameFor("600"));
        assertEquals(Optional.of("echo"), config.agentNameFor("0600"));
    }

    @Test
    void yamlOnlyWordsStayTextWhereTextIsExpected() {
        SwitchboardConfig config = parse(MINIMAL + "agents: {yes: {provider: local, greeting: No, voice: 1.5}}\n");

        AgentConfig agent = config.agents().get("yes");
        assertEquals("No", agent.greeting());
        assertEquals("1.5", agent.voice());
    }

    @Test
    void valuesAreCaseInsensitiveForChoices() {
        SwitchboardConfig config = parse("sip: {transports: [TCP]}\nmedia: {codecs: [PCMA, pcmu]}\n"
                + "providers: {l: {type: Local}}\n");

        assertEquals(List.of("tcp"), config.sip().transports());
        assertEquals(List.of("pcma", "pcmu"), config.media().codecs());
        assertEquals("local", config.providers().get("l").type());
    }

    @Test
    void loadReadsFileAndNamesItInProblems(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), MINIMAL + "sip: {max_calls: 7}\n");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "sip:\n  max_cals: 7\n");

        assertEquals(7, ConfigLoader.load(good).sip().maxCalls());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(bad));
        assertEquals(bad + ":2: sip.max_cals: unknown key 'max_cals' (did you mean 'max_calls'?)",
                e.problems().getFirst().toString());
    }

    @Test
    void loadReportsMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));

        assertEquals(List.of(new ConfigProblem(missing.toString(), "", 0, "file not found")), e.problems());
    }
}
