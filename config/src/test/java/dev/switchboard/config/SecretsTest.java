package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.EXAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets never reach a log: no toString or message shows them. */
class SecretsTest {

    @Test
    void wholeConfigToStringHidesSecrets() {
        Map<String, String> env = new HashMap<>(ConfigFixtures.ENV);
        env.put("SWITCHBOARD_ADMIN_TOKEN", "adm-SECRET-3");
        SwitchboardConfig config = ConfigLoader.parse(EXAMPLE, "demo.yaml", env::get);
        String text = config.toString();

        assertEquals("adm-SECRET-3", config.admin().token());

        assertFalse(text.contains("SECRET"), text);
        assertTrue(text.contains("api_key=***"), text);
        assertTrue(text.contains("headers=[Authorization]"), text);
    }

    @Test
    void providerToStringMasksKeyOnlyWhenSet() {
        assertEquals("ProviderConfig[type=openai, api_key=***, model=m, base_url=wss://api.example/v1, listen=null, "
                + "entra_token=null, max_session=PT55M, reconnect=ReconnectConfig[attempts=10, initialBackoff=PT0.25S, "
                + "maxBackoff=PT1S]]",
                new ProviderConfig("openai", "sk-SECRET", "m", "wss://api.example/v1", null).toString());
        assertTrue(new ProviderConfig("local", null, null, null, null).toString().contains("api_key=null"));
    }

    @Test
    void adminTokenIsMasked() {
        AdminConfig admin = new AdminConfig(new HostPort("127.0.0.1", 8080), "tok-SECRET");

        assertEquals("AdminConfig[listen=127.0.0.1:8080, token=***]", admin.toString());
    }

    @Test
    void urlsLoseUserInfoAndQuery() {
        WebhookConfig webhook = new WebhookConfig("https://user:pw-SECRET@hooks.example:8443/x?key=SECRET#frag",
                Duration.ofSeconds(1), Map.of("X-Api-Key", "SECRET"));

        assertEquals("WebhookConfig[url=https://***@hooks.example:8443/x?***, timeout=PT1S, headers=[X-Api-Key]]",
                webhook.toString());
        assertEquals("***", Redaction.url("not a url with spaces"));
    }

    @Test
    void exceptionMessageNeverContainsSubstitutedValues() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("sip: {listen: '${L}', user_agnt: '${L}'}\n", "demo.yaml",
                        Map.of("L", "pw-SECRET")::get));

        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertEquals(2, e.problems().size());
    }
}
