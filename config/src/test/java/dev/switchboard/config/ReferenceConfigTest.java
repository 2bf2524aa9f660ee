package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped reference configuration must itself be valid and document every key. */
class ReferenceConfigTest {

    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test", "SHOP_TOKEN", "shop-test");

    @Test
    void loadsWithoutProblemsAndMatchesDefaults() throws IOException {
        SwitchboardConfig config = ConfigLoader.parse(reference(), "reference.yaml", ENV::get);

        assertEquals(SipConfig.defaults(), config.sip());
        assertEquals(MediaConfig.defaults(), config.media());
        assertEquals(AdminConfig.defaults(), config.admin());
        assertNull(config.sip().externalAddress());
        assertEquals(AgentConfig.DEFAULT_CONNECT_TIMEOUT, config.agents().get("orders").connectTimeout());
        assertEquals(WebhookConfig.DEFAULT_TIMEOUT, config.tools().get("order_lookup").webhook().timeout());
        assertEquals(List.of("order_lookup", "end_call"), config.agents().get("orders").tools());
        assertEquals("echo", config.agentFor("600").orElseThrow().mode());
    }

    @Test
    void documentsEveryKnownKey() throws IOException {
        Set<String> written = new TreeSet<>();
        Matcher key = Pattern.compile("(?m)^\\s*([a-z_]+):").matcher(reference());
        while (key.find()) {
            written.add(key.group(1));
        }
        Set<String> known = new TreeSet<>(ConfigLoader.SECTIONS);
        known.addAll(ServerSections.SIP_KEYS);
        known.addAll(ServerSections.MEDIA_KEYS);
        known.addAll(ServerSections.ADMIN_KEYS);
        known.addAll(AgentSections.PROVIDER_KEYS);
        known.addAll(AgentSections.AGENT_KEYS);
        known.addAll(AgentSections.TOOL_KEYS);
        known.addAll(AgentSections.WEBHOOK_KEYS);

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
