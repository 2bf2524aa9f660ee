package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.EVERY_PROVIDER;
import static dev.switchboard.config.ConfigFixtures.SOURCE;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session recycling, reconnects and credentials of providers. */
class ProviderSessionTest {

    private static final String AZURE = "{type: azure, base_url: \"https://r.openai.azure.com\", model: d, ";

    @Test
    void maxSessionAndReconnectDefaultPerType() {
        Map<String, ProviderConfig> providers = parse(EVERY_PROVIDER).providers();

        assertEquals(Duration.ofMinutes(55), providers.get("ai").maxSession());
        assertEquals(Duration.ofMinutes(55), providers.get("az").maxSession());
        assertEquals(Duration.ofMinutes(55), providers.get("x").maxSession());
        assertEquals(Duration.ofMinutes(9), providers.get("gem").maxSession());
        assertNull(providers.get("local").maxSession());
        ReconnectConfig defaults = new ReconnectConfig(10, Duration.ofMillis(250), Duration.ofSeconds(1));
        assertEquals(defaults, ReconnectConfig.defaults());
        providers.values().forEach(provider -> assertEquals(defaults, provider.reconnect()));
        assertNull(providers.get("ai").entraToken());
    }

    @Test
    void explicitSessionAndReconnectSettingsAreRead() {
        Map<String, ProviderConfig> providers = parse("""
                providers:
                  ai:
                    type: openai
                    api_key: k
                    max_session: 30m
                    reconnect:
                      attempts: 0
                      initial_backoff: 1s
                      max_backoff: 1s
                  gem: {type: gemini, api_key: k, model: m, max_session: 600, reconnect: {attempts: 20, max_backoff: 10s}}
                """).providers();

        assertEquals(new ProviderConfig("openai", "k", null, null, null, null, Duration.ofMinutes(30),
                new ReconnectConfig(0, Duration.ofSeconds(1), Duration.ofSeconds(1))), providers.get("ai"));
        assertEquals(Duration.ofSeconds(600), providers.get("gem").maxSession());
        assertEquals(new ReconnectConfig(20, Duration.ofMillis(250), Duration.ofSeconds(10)),
                providers.get("gem").reconnect());
    }

    @Test
    void reconnectProblemsNameKeyAndLine() {
        List<ConfigProblem> problems = problems("""
                providers:
                  a:
                    type: openai
                    api_key: k
                    max_session: 0s
                    reconnect:
                      attempts: 21
                      initial_backoff: soon
                      max_backof: 2s
                  b: {type: xai, api_key: k, reconnect: {initial_backoff: 5s}}
                  c: {type: gemini, api_key: k, model: m, reconnect: {attempts: -1, initial_backoff: 2s, max_backoff: 1s}}
                  d: {type: openai, api_key: k, reconnect: 5}
                """);

        assertEquals(new ConfigProblem(SOURCE, "providers.a.max_session", 5,
                "duration must be greater than 0, found '0s'"), problemAt(problems, "providers.a.max_session"));
        assertEquals(new ConfigProblem(SOURCE, "providers.a.reconnect.attempts", 7, "must be within 0..20, found 21"),
                problemAt(problems, "providers.a.reconnect.attempts"));
        assertEquals("demo.yaml:8: providers.a.reconnect.initial_backoff: invalid duration 'soon' (expected "
                + Durations.EXPECTED + ")", problemAt(problems, "providers.a.reconnect.initial_backoff").toString());
        assertEquals(new ConfigProblem(SOURCE, "providers.a.reconnect.max_backof", 9,
                "unknown key 'max_backof' (did you mean 'max_backoff'?)"),
                problemAt(problems, "providers.a.reconnect.max_backof"));
        assertEquals(new ConfigProblem(SOURCE, "providers.b.reconnect.initial_backoff", 10,
                "initial_backoff (5s) must not be greater than max_backoff (1s)"),
                problemAt(problems, "providers.b.reconnect.initial_backoff"));
        assertEquals("must be within 0..20, found -1", problemAt(problems, "providers.c.reconnect.attempts").message());
        assertEquals(new ConfigProblem(SOURCE, "providers.c.reconnect.max_backoff", 11,
                "initial_backoff (2s) must not be greater than max_backoff (1s)"),
                problemAt(problems, "providers.c.reconnect.max_backoff"));
        assertEquals("expected a map with keys attempts, initial_backoff, max_backoff, found a single value",
                problemAt(problems, "providers.d.reconnect").message());
        assertEquals(8, problems.size(), problems::toString);
    }

    @Test
    void geminiNeedsAModelAndAzureANonEmptyOne() {
        List<ConfigProblem> problems = problems("""
                providers:
                  gem: {type: gemini, api_key: k}
                  blank: {type: gemini, api_key: k, model: ""}
                  env: {type: gemini, api_key: k, model: "${GEMINI_MODEL:-}"}
                  az: {type: azure, base_url: "https://r.openai.azure.com", api_key: k, model: ""}
                """);

        assertEquals(new ConfigProblem(SOURCE, "providers.gem", 2,
                "missing required key 'model' (Gemini Live has no default model)"), problemAt(problems, "providers.gem"));
        assertEquals(new ConfigProblem(SOURCE, "providers.blank.model", 3, "must not be empty"),
                problemAt(problems, "providers.blank.model"));
        assertEquals("must not be empty, but the value from ${GEMINI_MODEL} is empty",
                problemAt(problems, "providers.env.model").message());
        assertEquals(new ConfigProblem(SOURCE, "providers.az.model", 5, "must not be empty"),
                problemAt(problems, "providers.az.model"));
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void maxSessionMayNotOutlastTheProvidersOwnLimit() {
        List<ConfigProblem> problems = problems("""
                providers:
                  ai: {type: openai, api_key: k, max_session: 61m}
                  az: {type: azure, base_url: "https://r.openai.azure.com", model: d, api_key: k, max_session: 2h}
                  x: {type: xai, api_key: k, max_session: 3601}
                  gem: {type: gemini, api_key: k, model: m, max_session: 601s}
                  env: {type: gemini, api_key: k, model: m, max_session: "${SESSION}"}
                """, Map.of("SESSION", "11m"));

        String openAi = " (OpenAI's realtime protocol ends a session after 60 minutes)";
        assertEquals(new ConfigProblem(SOURCE, "providers.ai.max_session", 2,
                "must be at most 1h for provider type openai" + openAi + ", found '61m'"),
                problemAt(problems, "providers.ai.max_session"));
        assertEquals("must be at most 1h for provider type azure" + openAi + ", found '2h'",
                problemAt(problems, "providers.az.max_session").message());
        assertEquals("must be at most 1h for provider type xai" + openAi + ", found '3601'",
                problemAt(problems, "providers.x.max_session").message());
        assertEquals(new ConfigProblem(SOURCE, "providers.gem.max_session", 5, "must be at most 10m for provider "
                + "type gemini (Gemini Live recycles its connections about every 10 minutes), found '601s'"),
                problemAt(problems, "providers.gem.max_session"));
        assertEquals(6, problemAt(problems, "providers.env.max_session").line());
        assertTrue(problemAt(problems, "providers.env.max_session").message()
                .endsWith("found the value from ${SESSION}"), problems::toString);
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void maxSessionAtTheLimitIsAccepted() {
        Map<String, ProviderConfig> providers = parse("""
                providers:
                  ai: {type: openai, api_key: k, max_session: 60m}
                  gem: {type: gemini, api_key: k, model: m, max_session: 10m}
                """).providers();

        assertEquals(Duration.ofMinutes(60), providers.get("ai").maxSession());
        assertEquals(Duration.ofMinutes(10), providers.get("gem").maxSession());
        assertEquals(Duration.ofMinutes(60), ProviderConfig.maxSessionLimit("azure"));
        assertEquals(Duration.ofMinutes(60), ProviderConfig.maxSessionLimit("xai"));
        assertNull(ProviderConfig.maxSessionLimit("local"));
    }

    @Test
    void localTakesNoRemoteSettings() {
        List<ConfigProblem> problems = problems("""
                providers:
                  loc:
                    type: local
                    entra_token: t
                    max_session: 5m
                    reconnect: {attempts: 1}
                """);

        assertEquals(new ConfigProblem(SOURCE, "providers.loc.entra_token", 4, "not used by provider type local"),
                problemAt(problems, "providers.loc.entra_token"));
        assertEquals(new ConfigProblem(SOURCE, "providers.loc.max_session", 5, "not used by provider type local"),
                problemAt(problems, "providers.loc.max_session"));
        assertEquals(new ConfigProblem(SOURCE, "providers.loc.reconnect", 6, "not used by provider type local"),
                problemAt(problems, "providers.loc.reconnect"));
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void providerWithoutTypeStillHasItsSettingsChecked() {
        List<ConfigProblem> problems = problems("""
                providers:
                  a: {api_key: k, max_session: forever, reconnect: {atempts: 3}}
                """);

        assertEquals("missing required key 'type'", problemAt(problems, "providers.a").message());
        assertEquals(2, problemAt(problems, "providers.a.max_session").line());
        assertEquals("unknown key 'atempts' (did you mean 'attempts'?)",
                problemAt(problems, "providers.a.reconnect.atempts").message());
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void azureTakesAnApiKeyOrAnEntraToken() {
        Map<String, ProviderConfig> providers = ConfigLoader.parse("providers:\n"
                + "  key: " + AZURE + "api_key: k}\n"
                + "  entra: " + AZURE + "entra_token: \"${AZURE_ENTRA_TOKEN}\"}\n"
                + "  unset-key: " + AZURE + "api_key: \"${AZURE_OPENAI_API_KEY:-}\", entra_token: \"${AZURE_ENTRA_TOKEN}\"}\n",
                SOURCE, Map.of("AZURE_ENTRA_TOKEN", "entra-SECRET")::get).providers();

        assertEquals(new ProviderConfig("azure", "k", "d", "https://r.openai.azure.com", null),
                providers.get("key"));
        assertEquals(new ProviderConfig("azure", null, "d", "https://r.openai.azure.com", null, "entra-SECRET",
                Duration.ofMinutes(55), ReconnectConfig.defaults()), providers.get("entra"));
        assertEquals(providers.get("entra"), providers.get("unset-key"));
        assertFalse(providers.toString().contains("SECRET"), providers::toString);
    }

    @Test
    void credentialProblemsNameKeyAndLine() {
        List<ConfigProblem> problems = problems("providers:\n"
                + "  both: " + AZURE + "api_key: k, entra_token: t}\n"
                + "  neither: " + AZURE + "}\n"
                + "  empty: " + AZURE + "entra_token: \"\"}\n"
                + "  nodeploy: {type: azure, base_url: \"https://r.openai.azure.com\", api_key: k}\n"
                + "  ai: {type: openai, api_key: k, entra_token: t}\n"
                + "  gem: {type: gemini, model: m, entra_token: t}\n");

        String why = " (azure takes an API key or a Microsoft Entra ID token)";
        assertEquals(new ConfigProblem(SOURCE, "providers.both.entra_token", 2,
                "give either api_key or entra_token, not both" + why), problemAt(problems, "providers.both.entra_token"));
        assertEquals(new ConfigProblem(SOURCE, "providers.neither", 3,
                "missing required key 'api_key' or 'entra_token'" + why), problemAt(problems, "providers.neither"));
        assertEquals("missing required key 'api_key' or 'entra_token'" + why,
                problemAt(problems, "providers.empty").message());
        assertEquals(new ConfigProblem(SOURCE, "providers.nodeploy", 5,
                "missing required key 'model' (for azure, the name of your realtime model deployment)"),
                problemAt(problems, "providers.nodeploy"));
        assertEquals(new ConfigProblem(SOURCE, "providers.ai.entra_token", 6, "only used by provider type azure"),
                problemAt(problems, "providers.ai.entra_token"));
        assertEquals(7, problemAt(problems, "providers.gem.entra_token").line());
        assertEquals("missing required key 'api_key'", problemAt(problems, "providers.gem").message());
        assertEquals(7, problems.size(), problems::toString);
    }

    @Test
    void emptyCredentialFromEnvironmentIsNamedNotShown() {
        List<ConfigProblem> problems = problems("providers:\n  x: {type: xai, api_key: \"${XAI_API_KEY}\"}\n",
                Map.of("XAI_API_KEY", ""));

        assertEquals(new ConfigProblem(SOURCE, "providers.x.api_key", 2,
                "must not be empty, but the value from ${XAI_API_KEY} is empty"),
                problemAt(problems, "providers.x.api_key"));
    }

    @Test
    void toStringMasksTheEntraToken() {
        ProviderConfig provider = new ProviderConfig("azure", null, "d", "https://r.openai.azure.com", null,
                "entra-SECRET", null, null);

        assertEquals("ProviderConfig[type=azure, api_key=null, model=d, base_url=https://r.openai.azure.com, "
                + "listen=null, entra_token=***, max_session=PT55M, reconnect=ReconnectConfig[attempts=10, "
                + "initialBackoff=PT0.25S, maxBackoff=PT1S]]", provider.toString());
    }

    @Test
    void constructorFillsDefaultsPerType() {
        assertEquals(Duration.ofMinutes(9), new ProviderConfig("gemini", "k", null, null, null).maxSession());
        assertNull(new ProviderConfig("local", null, null, null, null).maxSession());
        assertEquals(ReconnectConfig.defaults(), new ProviderConfig("local", null, null, null, null).reconnect());
        assertEquals(Duration.ofMinutes(1),
                new ProviderConfig("xai", "k", null, null, null, null, Duration.ofMinutes(1), null).maxSession());
    }
}
