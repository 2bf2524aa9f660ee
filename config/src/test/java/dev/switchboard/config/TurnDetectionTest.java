package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.EVERY_PROVIDER;
import static dev.switchboard.config.ConfigFixtures.SOURCE;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's turn_detection: server or semantic VAD, their own settings, and which providers offer them. */
class TurnDetectionTest {

    private static final String NOT_SEMANTIC = "only used by turn_detection type server_vad";

    @Test
    void settingsOfEitherTypeAreRead() {
        Map<String, AgentConfig> agents = parse(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: x
                    turn_detection:
                      type: server_vad
                      threshold: 0.5
                      prefix_padding: 300ms
                      silence_duration: 500ms
                      idle_timeout: 8s
                  b: {provider: gem, turn_detection: {threshold: 1, prefix_padding: 0ms, idle_timeout: 30s}}
                  c: {provider: ai, turn_detection: {type: semantic_vad, eagerness: High}}
                  d: {provider: az, turn_detection: {type: Semantic_VAD}}
                  e: {provider: local, turn_detection: {}}
                """).agents();

        assertEquals(new TurnDetectionConfig("server_vad", 0.5, Duration.ofMillis(300), Duration.ofMillis(500),
                Duration.ofSeconds(8), null), agents.get("a").turnDetection());
        assertEquals(new TurnDetectionConfig("server_vad", 1.0, Duration.ZERO, null, Duration.ofSeconds(30), null),
                agents.get("b").turnDetection());
        assertEquals(new TurnDetectionConfig("semantic_vad", null, null, null, null, "high"),
                agents.get("c").turnDetection());
        assertEquals(new TurnDetectionConfig("semantic_vad", null, null, null, null, null),
                agents.get("d").turnDetection());
        assertEquals(new TurnDetectionConfig("server_vad", null, null, null, null, null),
                agents.get("e").turnDetection());
    }

    @Test
    void semanticVadOnlyForOpenAiAndAzure() {
        List<ConfigProblem> problems = problems(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: x
                    turn_detection:
                      type: semantic_vad
                  b: {provider: gem, turn_detection: {type: semantic_vad, eagerness: low}}
                  c: {provider: local, turn_detection: {type: semantic_vad}}
                  d: {provider: missing, turn_detection: {type: semantic_vad}}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.type", 11, "semantic_vad is only offered by "
                + "providers of type openai or azure (this agent's provider has type xai); use server_vad"),
                problemAt(problems, "agents.a.turn_detection.type"));
        assertEquals("demo.yaml:12: agents.b.turn_detection.type: semantic_vad is only offered by providers of type "
                + "openai or azure (this agent's provider has type gemini); use server_vad",
                problemAt(problems, "agents.b.turn_detection.type").toString());
        assertEquals(13, problemAt(problems, "agents.c.turn_detection.type").line());
        assertEquals(14, problemAt(problems, "agents.d.provider").line());
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void settingsOfTheOtherTypeAreRejected() {
        List<ConfigProblem> problems = problems(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: ai
                    turn_detection:
                      type: semantic_vad
                      threshold: 0.5
                      prefix_padding: 300ms
                      silence_duration: 500ms
                      idle_timeout: 8s
                      eagerness: auto
                  b:
                    provider: ai
                    turn_detection:
                      threshold: 0.4
                      eagerness: low
                  c: {provider: ai, turn_detection: {type: server_vad, eagerness: soon}}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.threshold", 12, NOT_SEMANTIC),
                problemAt(problems, "agents.a.turn_detection.threshold"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.prefix_padding", 13, NOT_SEMANTIC),
                problemAt(problems, "agents.a.turn_detection.prefix_padding"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.silence_duration", 14, NOT_SEMANTIC),
                problemAt(problems, "agents.a.turn_detection.silence_duration"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.idle_timeout", 15, NOT_SEMANTIC),
                problemAt(problems, "agents.a.turn_detection.idle_timeout"));
        assertEquals(new ConfigProblem(SOURCE, "agents.b.turn_detection.eagerness", 21,
                "only used by turn_detection type semantic_vad"), problemAt(problems, "agents.b.turn_detection.eagerness"));
        assertEquals("only used by turn_detection type semantic_vad",
                problemAt(problems, "agents.c.turn_detection.eagerness").message());
        assertEquals(6, problems.size(), problems::toString);
    }

    @Test
    void badValuesNameKeyAndLine() {
        List<ConfigProblem> problems = problems(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: ai
                    turn_detection:
                      type: server_vda
                      threshold: 1.5
                      idle_timeout: 4s
                  b: {provider: ai, turn_detection: {idle_timeout: 31s, silence_duration: 0ms, prefix_padding: long}}
                  c: {provider: ai, turn_detection: {type: semantic_vad, eagerness: hihg}}
                  d: {provider: ai, turn_detection: {typ: server_vad}}
                  e: {provider: ai, turn_detection: server_vad}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.type", 11, "unknown turn_detection type "
                + "'server_vda' (did you mean 'server_vad'?) (allowed: server_vad, semantic_vad)"),
                problemAt(problems, "agents.a.turn_detection.type"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.threshold", 12,
                "must be within 0.0..1.0, found 1.5"), problemAt(problems, "agents.a.turn_detection.threshold"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.idle_timeout", 13,
                "must be within 5s..30s, found '4s'"), problemAt(problems, "agents.a.turn_detection.idle_timeout"));
        assertEquals(new ConfigProblem(SOURCE, "agents.b.turn_detection.idle_timeout", 14,
                "must be within 5s..30s, found '31s'"), problemAt(problems, "agents.b.turn_detection.idle_timeout"));
        assertEquals("must be within 10ms..10s, found '0ms'",
                problemAt(problems, "agents.b.turn_detection.silence_duration").message());
        assertEquals("invalid duration 'long' (expected " + Durations.EXPECTED + ")",
                problemAt(problems, "agents.b.turn_detection.prefix_padding").message());
        assertEquals(new ConfigProblem(SOURCE, "agents.c.turn_detection.eagerness", 15, "unknown eagerness 'hihg' "
                + "(did you mean 'high'?) (allowed: low, medium, high, auto)"),
                problemAt(problems, "agents.c.turn_detection.eagerness"));
        assertEquals("unknown key 'typ' (did you mean 'type'?)",
                problemAt(problems, "agents.d.turn_detection.typ").message());
        assertEquals("expected a map with keys type, threshold, prefix_padding, silence_duration, idle_timeout, "
                + "eagerness, found a single value", problemAt(problems, "agents.e.turn_detection").message());
        assertEquals(9, problems.size(), problems::toString);
    }

    @Test
    void silenceAndPaddingStayWithinTheLocalEnginesLimitsForEveryProvider() {
        List<ConfigProblem> problems = problems(EVERY_PROVIDER + """
                agents:
                  a: {provider: local, turn_detection: {silence_duration: 9ms, prefix_padding: 10001ms}}
                  b: {provider: local, turn_detection: {silence_duration: 11s}}
                  c: {provider: ai, turn_detection: {silence_duration: 1m, prefix_padding: 11s}}
                  d: {provider: gem, turn_detection: {silence_duration: 5ms}}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.silence_duration", 8,
                "must be within 10ms..10s, found '9ms'"), problemAt(problems, "agents.a.turn_detection.silence_duration"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.prefix_padding", 8,
                "must be within 0ms..10s, found '10001ms'"), problemAt(problems, "agents.a.turn_detection.prefix_padding"));
        assertEquals("must be within 10ms..10s, found '11s'",
                problemAt(problems, "agents.b.turn_detection.silence_duration").message());
        assertEquals("must be within 10ms..10s, found '1m'",
                problemAt(problems, "agents.c.turn_detection.silence_duration").message());
        assertEquals("must be within 0ms..10s, found '11s'",
                problemAt(problems, "agents.c.turn_detection.prefix_padding").message());
        assertEquals(11, problemAt(problems, "agents.d.turn_detection.silence_duration").line());
        assertEquals(6, problems.size(), problems::toString);
    }

    @Test
    void silenceAndPaddingLimitsAreInclusive() {
        Map<String, AgentConfig> agents = parse(EVERY_PROVIDER + """
                agents:
                  low: {provider: local, turn_detection: {silence_duration: 10ms, prefix_padding: 0ms}}
                  high: {provider: x, turn_detection: {silence_duration: 10s, prefix_padding: 10s}}
                """).agents();

        assertEquals(new TurnDetectionConfig("server_vad", null, Duration.ZERO, Duration.ofMillis(10), null, null),
                agents.get("low").turnDetection());
        assertEquals(new TurnDetectionConfig("server_vad", null, Duration.ofSeconds(10), Duration.ofSeconds(10), null,
                null), agents.get("high").turnDetection());
    }

    @Test
    void durationFromEnvironmentIsNotShown() {
        List<ConfigProblem> problems = problems(ConfigFixtures.MINIMAL + """
                agents: {a: {provider: local, turn_detection: {idle_timeout: "${IDLE}", prefix_padding: "${IDLE}"}}}
                """, Map.of("IDLE", "2s-SECRET"));

        assertEquals("the value from ${IDLE} is invalid (expected a duration within 5s..30s)",
                problemAt(problems, "agents.a.turn_detection.idle_timeout").message());
        assertEquals("the value from ${IDLE} is invalid (expected a duration within 0ms..10s)",
                problemAt(problems, "agents.a.turn_detection.prefix_padding").message());
        assertFalse(problems.toString().contains("SECRET"));
    }
}
