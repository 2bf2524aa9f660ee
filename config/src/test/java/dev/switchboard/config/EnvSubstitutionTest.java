package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    private static final Map<String, String> ENV = Map.of("A", "alpha", "B", "beta", "EMPTY", "");

    private static EnvSubstitution.Result apply(String text) {
        return EnvSubstitution.apply(text, ENV::get);
    }

    @Test
    void replacesSetVariable() {
        assertEquals(new EnvSubstitution.Result("alpha", List.of("A"), List.of()), apply("${A}"));
    }

    @Test
    void replacesSeveralInOneString() {
        assertEquals("Bearer alpha and beta!", apply("Bearer ${A} and ${B}!").value());
        assertEquals(List.of("A", "B"), apply("${A}${B}").variables());
    }

    @Test
    void defaultAppliesWhenUnsetOrEmpty() {
        assertEquals("x", apply("${UNSET:-x}").value());
        assertEquals("y", apply("${EMPTY:-y}").value());
        assertEquals("alpha", apply("${A:-z}").value());
        assertEquals("", apply("${UNSET:-}").value());
        assertEquals("a:-b", apply("${UNSET:-a:-b}").value());
    }

    @Test
    void setButEmptyWithoutDefaultIsEmpty() {
        assertEquals(new EnvSubstitution.Result("", List.of("EMPTY"), List.of()), apply("${EMPTY}"));
    }

    @Test
    void unsetWithoutDefaultIsAnError() {
        assertEquals(List.of("environment variable NOPE is not set"), apply("key-${NOPE}").errors());
    }

    @Test
    void dollarDollarBraceIsALiteral() {
        assertEquals("${A} costs $5 and $$ stays", apply("$${A} costs $5 and $$ stays").value());
        assertEquals("${A}alpha", apply("$${A}${A}").value());
        assertEquals(List.of(), apply("$${A}").variables());
    }

    @Test
    void malformedReferencesAreErrors() {
        assertEquals(List.of("unclosed '${' (write '$${' for a literal '${')"), apply("x ${A").errors());
        assertEquals(List.of("invalid reference '${1X}' (use ${NAME} or ${NAME:-default})"), apply("${1X}").errors());
        assertEquals(List.of("invalid reference '${}' (use ${NAME} or ${NAME:-default})"), apply("${}").errors());
    }

    @Test
    void unsetVariableInFileNamesKeyLineAndVariable() {
        List<ConfigProblem> problems = problems("""
                providers:
                  local: {type: local}
                  openai:
                    type: openai
                    api_key: "${OPENAI_API_KEY}"
                """, Map.of());

        assertEquals(List.of(new ConfigProblem("demo.yaml", "providers.openai.api_key", 5,
                "environment variable OPENAI_API_KEY is not set")), problems);
    }

    @Test
    void substitutionWorksInQuotedPlainAndListValues() {
        SwitchboardConfig config = ConfigLoader.parse(MINIMAL + """
                sip:
                  user_agent: SB-${A}
                  transports: ["${T:-udp}"]
                  max_calls: ${CALLS}
                admin: {token: '${A}${B}'}
                """, "demo.yaml", Map.of("A", "1", "B", "2", "CALLS", "12")::get);

        assertEquals("SB-1", config.sip().userAgent());
        assertEquals(List.of("udp"), config.sip().transports());
        assertEquals(12, config.sip().maxCalls());
        assertEquals("12", config.admin().token());
    }

    @Test
    void emptyTokenFromEnvironmentMeansNoToken() {
        assertNull(ConfigLoader.parse(MINIMAL + "admin: {token: '${T:-}'}\n", "demo.yaml", name -> null).admin().token());
    }

    @Test
    void keysAreNotSubstituted() {
        SwitchboardConfig config = ConfigLoader.parse(MINIMAL + "agents: {echo: {provider: local}}\nnumbers: {'${N}': echo}\n",
                "demo.yaml", Map.of("N", "600")::get);

        assertEquals(List.of("${N}"), List.copyOf(config.numbers().keySet()));
    }

    @Test
    void invalidValueFromEnvironmentIsNotEchoed() {
        Map<String, String> env = Map.of("LISTEN", "s3cr3t-host", "CALLS", "s3cr3t-calls", "KIND", "s3cr3t-kind",
                "URL", "https://h.example/?key=s3cr3t", "EMPTY_KEY", "");
        List<ConfigProblem> problems = problems("""
                sip: {listen: "${LISTEN}", max_calls: "${CALLS}", transports: ["${KIND}"]}
                providers:
                  a: {type: "${KIND}"}
                  b: {type: openai, api_key: "${EMPTY_KEY}", base_url: "${URL}x y"}
                agents: {x: {provider: "${KIND}"}}
                """, env);

        assertEquals(7, problems.size(), problems::toString);
        problems.forEach(problem -> assertFalse(problem.toString().contains("s3cr3t"), problem::toString));
        assertEquals("the value from ${LISTEN} is invalid (expected host:port, e.g. 0.0.0.0:5060)",
                problemAt(problems, "sip.listen").message());
        assertEquals("must not be empty, but the value from ${EMPTY_KEY} is empty",
                problemAt(problems, "providers.b.api_key").message());
        assertEquals("unknown provider the value from ${KIND} (defined: a, b)",
                problemAt(problems, "agents.x.provider").message());
    }
}
