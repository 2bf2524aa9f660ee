package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.SOURCE;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an agent does for the caller while its provider is unreachable, and once it has failed for good. */
class FallbackTest {

    private static final String ONLY_WITH_TRANSFER = "only used with then: transfer";

    @Test
    void holdAndFallbackSettingsAreRead() {
        Map<String, AgentConfig> agents = parse(MINIMAL + """
                agents:
                  a:
                    provider: local
                    hold_message: "One moment please."
                    hold_after: 2s
                    fallback:
                      say: "Transferring you."
                      then: transfer
                      transfer_to: "sip:operator@pbx.example.com"
                  b: {provider: local, hold_message: "", fallback: {say: "", then: Reject}}
                  c: {provider: local, hold_message: "${HOLD:-}", fallback: {then: hangup}}
                  d: {provider: local, fallback: {then: transfer, transfer_to: "tel:+15551230000"}}
                """).agents();

        assertEquals("One moment please.", agents.get("a").holdMessage());
        assertEquals(Duration.ofSeconds(2), agents.get("a").holdAfter());
        assertEquals(new FallbackConfig("Transferring you.", FallbackConfig.Then.TRANSFER,
                "sip:operator@pbx.example.com"), agents.get("a").fallback());
        assertEquals("", agents.get("b").holdMessage());
        assertEquals(AgentConfig.DEFAULT_HOLD_AFTER, agents.get("b").holdAfter());
        assertEquals(new FallbackConfig("", FallbackConfig.Then.REJECT, null), agents.get("b").fallback());
        assertEquals("", agents.get("c").holdMessage());
        assertEquals(FallbackConfig.defaults(), agents.get("c").fallback());
        assertEquals(new FallbackConfig(FallbackConfig.DEFAULT_SAY, FallbackConfig.Then.TRANSFER, "tel:+15551230000"),
                agents.get("d").fallback());
    }

    @Test
    void transferToGoesWithThenTransferOnly() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a:
                    provider: local
                    fallback:
                      then: transfer
                  b:
                    provider: local
                    fallback:
                      transfer_to: "sip:operator@pbx.example.com"
                  c: {provider: local, fallback: {then: reject, transfer_to: "tel:+15551230000"}}
                  d: {provider: local, fallback: {then: hangup, transfer_to: "sip:x"}}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.fallback", 5,
                "missing required key 'transfer_to' (then: transfer needs " + CallUris.EXPECTED + ")"),
                problemAt(problems, "agents.a.fallback"));
        assertEquals(new ConfigProblem(SOURCE, "agents.b.fallback.transfer_to", 10, ONLY_WITH_TRANSFER),
                problemAt(problems, "agents.b.fallback.transfer_to"));
        assertEquals(new ConfigProblem(SOURCE, "agents.c.fallback.transfer_to", 11, ONLY_WITH_TRANSFER),
                problemAt(problems, "agents.c.fallback.transfer_to"));
        assertEquals(12, problemAt(problems, "agents.d.fallback.transfer_to").line());
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void badValuesNameKeyAndLine() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a: {provider: local, fallback: {then: transfer, transfer_to: "https://pbx.example.com"}}
                  b: {provider: local, fallback: {then: transfer, transfer_to: ""}}
                  c: {provider: local, fallback: {then: transfr, transfer_to: "sip:100@"}}
                  d: {provider: local, hold_after: 0s, fallback: {sya: hi}}
                  e: {provider: local, hold_message: [hi], fallback: hangup}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.fallback.transfer_to", 3,
                "URI 'https://pbx.example.com' must start with sip:, sips: or tel:"),
                problemAt(problems, "agents.a.fallback.transfer_to"));
        assertEquals(new ConfigProblem(SOURCE, "agents.b.fallback.transfer_to", 4, "needs " + CallUris.EXPECTED),
                problemAt(problems, "agents.b.fallback.transfer_to"));
        assertEquals(new ConfigProblem(SOURCE, "agents.c.fallback.then", 5, "unknown fallback action 'transfr' "
                + "(did you mean 'transfer'?) (allowed: hangup, transfer, reject)"),
                problemAt(problems, "agents.c.fallback.then"));
        assertEquals("URI 'sip:100@' has no host (expected " + CallUris.EXPECTED + ")",
                problemAt(problems, "agents.c.fallback.transfer_to").message());
        assertEquals(new ConfigProblem(SOURCE, "agents.d.hold_after", 6, "duration must be greater than 0, found '0s'"),
                problemAt(problems, "agents.d.hold_after"));
        assertEquals("unknown key 'sya' (did you mean 'say'?)", problemAt(problems, "agents.d.fallback.sya").message());
        assertEquals("expected a single value, found a list", problemAt(problems, "agents.e.hold_message").message());
        assertEquals("expected a map with keys say, then, transfer_to, found a single value",
                problemAt(problems, "agents.e.fallback").message());
        assertEquals(8, problems.size(), problems::toString);
    }

    @Test
    void transferUriFromEnvironmentIsNotShown() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a: {provider: local, fallback: {then: transfer, transfer_to: "${OPERATOR}"}}
                """, Map.of("OPERATOR", "https://user:pw-SECRET@pbx.example"));

        assertEquals("the value from ${OPERATOR} is invalid (expected " + CallUris.EXPECTED + ")",
                problemAt(problems, "agents.a.fallback.transfer_to").message());
        assertFalse(problems.toString().contains("SECRET"));
    }

    @Test
    void recordRejectsTransferTargetWithoutTransfer() {
        assertThrows(IllegalArgumentException.class,
                () -> new FallbackConfig("", FallbackConfig.Then.TRANSFER, null));
        assertThrows(IllegalArgumentException.class,
                () -> new FallbackConfig("", FallbackConfig.Then.HANGUP, "sip:x"));
    }
}
