package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped reference configuration must itself be valid and document every key. */
class ReferenceConfigTest {

    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test", "SHOP_TOKEN", "shop-test",
            "AZURE_ENTRA_TOKEN", "entra-test", "GEMINI_API_KEY", "gem-test");

    @Test
    void loadsWithoutProblemsAndMatchesDefaults(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders.json"), "{}");
        SwitchboardConfig config = ConfigLoader.parse(reference(), "reference.yaml", ENV::get, dir);

        assertEquals(SipConfig.defaults(), config.sip());
        assertEquals(MediaConfig.defaults(), config.media());
        assertEquals(AdminConfig.defaults(), config.admin());
        assertNull(config.sip().externalAddress());
        AgentConfig orders = config.agents().get("orders");
        assertEquals(AgentConfig.DEFAULT_CONNECT_TIMEOUT, orders.connectTimeout());
        assertEquals(WebhookConfig.DEFAULT_TIMEOUT, config.tools().get("order_lookup").webhook().timeout());
        assertEquals(List.of("order_lookup", "end_call", "transfer_call"), orders.tools());
        assertEquals(GuardrailConfig.DEFAULT_CHECK_EVERY, orders.guardrails().checkEvery());
        assertEquals("echo", config.agentFor("600").orElseThrow().mode());
        assertEquals(DtmfConfig.defaults(), config.agentFor("700").orElseThrow().dtmf());
        assertEquals(new TableConfig(dir.resolve("orders.json"), "order"), config.tools().get("order_status").table());
    }

    @Test
    void newSessionKeysMatchDefaults(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders.json"), "{}");
        SwitchboardConfig config = ConfigLoader.parse(reference(), "reference.yaml", ENV::get, dir);

        ProviderConfig openai = config.providers().get("openai");
        assertEquals(ProviderConfig.defaultMaxSession("openai"), openai.maxSession());
        assertEquals(ReconnectConfig.defaults(), openai.reconnect());
        assertEquals("entra-test", config.providers().get("azure").entraToken());
        assertNull(config.providers().get("azure").apiKey());
        assertNull(config.providers().get("local").maxSession());
        AgentConfig orders = config.agents().get("orders");
        assertEquals(AgentConfig.DEFAULT_HOLD_MESSAGE, orders.holdMessage());
        assertEquals(AgentConfig.DEFAULT_HOLD_AFTER, orders.holdAfter());
        assertEquals(AudioMode.AUTO, orders.audio());
        assertEquals(FallbackConfig.DEFAULT_SAY, orders.fallback().say());
        assertEquals(TurnDetectionConfig.SERVER_VAD, orders.turnDetection().type());
        assertEquals("auto", config.agents().get("billing").turnDetection().eagerness());
    }

    @Test
    void mediaTrunkAndRecordingKeysMatchDefaults(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders.json"), "{}");
        SwitchboardConfig config = ConfigLoader.parse(reference(), "reference.yaml", ENV::get, dir);

        assertEquals(MediaConfig.DEFAULT_CODECS, config.media().codecs());
        assertEquals(JitterBufferConfig.defaults(), config.media().jitterBuffer());
        assertEquals(OpusConfig.defaults(), config.media().opus());
        TrunkConfig carrier = config.trunks().get("carrier");
        assertEquals(List.of(AddressBlock.parse("203.0.113.0/24"), AddressBlock.parse("2001:db8::/32")),
                carrier.addresses());
        assertEquals(CodecPreference.OURS, carrier.codecPreference());
        RecordingConfig recording = config.agents().get("orders").recording();
        assertEquals(dir.resolve("recordings/{agent}/{date}/{call_id}.wav").toString(), recording.path());
        assertTrue(recording.enabled());
        assertNull(config.agents().get("billing").recording());
    }

    @Test
    void loadsWithoutWarnings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders.json"), "{}");
        LoadedConfig loaded = ConfigLoader.parseWithWarnings(reference(), "reference.yaml", ENV::get, dir);

        assertEquals(List.of(), loaded.warnings());
        assertEquals(ProviderConfig.DEFAULT_GEMINI_MAX_SESSION, loaded.config().providers().get("gemini").maxSession());
        assertEquals(0.7, loaded.config().agents().get("concierge").temperature());
    }

    @Test
    void documentsEveryKnownKey() throws IOException {
        Set<String> written = new TreeSet<>();
        Matcher key = Pattern.compile("(?m)^\\s*(?:-\\s+)?([a-z_]+):").matcher(reference());
        while (key.find()) {
            written.add(key.group(1));
        }
        Set<String> known = new TreeSet<>(ConfigLoader.SECTIONS);
        known.addAll(ServerSections.SIP_KEYS);
        known.addAll(MediaSections.MEDIA_KEYS);
        known.addAll(MediaSections.JITTER_BUFFER_KEYS);
        known.addAll(MediaSections.OPUS_KEYS);
        known.addAll(TrunkSections.TRUNK_KEYS);
        known.addAll(RecordingSections.RECORDING_KEYS);
        known.addAll(ServerSections.ADMIN_KEYS);
        known.addAll(ProviderSections.PROVIDER_KEYS);
        known.addAll(ProviderSections.RECONNECT_KEYS);
        known.addAll(AgentSections.AGENT_KEYS);
        known.addAll(AgentFeatures.DTMF_KEYS);
        known.addAll(AgentFeatures.GUARDRAIL_KEYS);
        known.addAll(ScriptRules.RULE_KEYS);
        known.addAll(SessionSections.TRANSCRIPTION_KEYS);
        known.addAll(TurnDetections.KEYS);
        known.addAll(RecoverySections.FALLBACK_KEYS);
        known.addAll(ToolSections.TOOL_KEYS);
        known.addAll(ToolSections.WEBHOOK_KEYS);
        known.addAll(ToolSections.TABLE_KEYS);

        known.removeAll(written);
        assertEquals(Set.of(), known);
    }

    private static String reference() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("reference.yaml")) {
            assertNotNull(in, "reference.yaml is on the classpath next to ConfigLoader");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
