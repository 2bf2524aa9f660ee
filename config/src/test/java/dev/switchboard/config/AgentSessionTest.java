package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.EVERY_PROVIDER;
import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.SOURCE;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Speed, token limit, temperature, tool choice, noise reduction, transcription and audio of agents. */
class AgentSessionTest {

    /** A webhook tool to list, for the lines after the agents. */
    private static final String ORDER_LOOKUP = """
            tools:
              order_lookup: {webhook: {url: "https://shop.example/orders"}}
            """;

    @Test
    void sessionSettingsAreRead() {
        AgentConfig agent = parse(EVERY_PROVIDER + """
                agents:
                  support:
                    provider: ai
                    tools: [order_lookup, end_call]
                    speed: 1.1
                    max_output_tokens: 1024
                    temperature: 0.7
                    tool_choice: order_lookup
                    noise_reduction: Far_Field
                    transcription: { model: gpt-4o-mini-transcribe, language: en, prompt: "Order numbers are digits." }
                    audio: PCM
                """ + ORDER_LOOKUP).agents().get("support");

        assertEquals(1.1, agent.speed());
        assertEquals(1024, agent.maxOutputTokens());
        assertEquals(0.7, agent.temperature());
        assertEquals("order_lookup", agent.toolChoice());
        assertEquals("far_field", agent.noiseReduction());
        assertEquals(new TranscriptionConfig("gpt-4o-mini-transcribe", "en", "Order numbers are digits."),
                agent.transcription());
        assertEquals(AudioMode.PCM, agent.audio());
    }

    @Test
    void absentSettingsAreTheDefaults() {
        AgentConfig agent = parse(MINIMAL + "agents: {echo: {provider: local}}\n").agents().get("echo");

        assertNull(agent.speed());
        assertNull(agent.maxOutputTokens());
        assertNull(agent.temperature());
        assertNull(agent.toolChoice());
        assertNull(agent.noiseReduction());
        assertNull(agent.transcription());
        assertNull(agent.turnDetection());
        assertEquals(AudioMode.AUTO, agent.audio());
        assertEquals("One moment, please.", agent.holdMessage());
        assertEquals(Duration.ofMillis(1500), agent.holdAfter());
        assertEquals(new FallbackConfig("Sorry, we cannot take your call right now. Please try again later.",
                FallbackConfig.Then.HANGUP, null), agent.fallback());
        assertEquals(agent, new AgentConfig("local", null, null, null, List.of(), null, Duration.ofSeconds(5),
                null, null, null, null, null, null));
    }

    @Test
    void numbersAtTheEdgesOfTheirRanges() {
        Map<String, AgentConfig> agents = parse(EVERY_PROVIDER + """
                agents:
                  low: {provider: ai, speed: 0.25, max_output_tokens: 1, temperature: 0}
                  high: {provider: gem, speed: "1.5", max_output_tokens: 4096, temperature: 2.0}
                  short: {provider: x, speed: .5, temperature: "1."}
                """).agents();

        assertEquals(List.of(0.25, 1, 0.0), List.of(agents.get("low").speed(), agents.get("low").maxOutputTokens(),
                agents.get("low").temperature()));
        assertEquals(List.of(1.5, 4096, 2.0), List.of(agents.get("high").speed(),
                agents.get("high").maxOutputTokens(), agents.get("high").temperature()));
        assertEquals(0.5, agents.get("short").speed());
        assertEquals(1.0, agents.get("short").temperature());
    }

    @Test
    void outOfRangeAndMalformedNumbers() {
        List<ConfigProblem> problems = problems(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: ai
                    speed: 1.6
                    max_output_tokens: 0
                    temperature: 2.5
                  b: {provider: ai, speed: fast, max_output_tokens: 4097, temperature: -0.1}
                  c: {provider: ai, speed: .nan, max_output_tokens: 1.5, temperature: 1e1}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.speed", 10, "must be within 0.25..1.5, found 1.6"),
                problemAt(problems, "agents.a.speed"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.max_output_tokens", 11, "must be within 1..4096, found 0"),
                problemAt(problems, "agents.a.max_output_tokens"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.temperature", 12, "must be within 0.0..2.0, found 2.5"),
                problemAt(problems, "agents.a.temperature"));
        assertEquals("demo.yaml:13: agents.b.speed: expected a number, e.g. 0.5, found 'fast'",
                problemAt(problems, "agents.b.speed").toString());
        assertEquals("must be within 1..4096, found 4097", problemAt(problems, "agents.b.max_output_tokens").message());
        assertEquals("must be within 0.0..2.0, found -0.1", problemAt(problems, "agents.b.temperature").message());
        assertEquals("expected a number, e.g. 0.5, found '.nan'", problemAt(problems, "agents.c.speed").message());
        assertEquals("expected a whole number, found '1.5'", problemAt(problems, "agents.c.max_output_tokens").message());
        assertEquals(14, problemAt(problems, "agents.c.temperature").line());
        assertEquals(9, problems.size(), problems::toString);
    }

    @Test
    void numberFromEnvironmentIsNotShown() {
        List<ConfigProblem> problems = problems(MINIMAL + "agents: {a: {provider: local, speed: \"${SPEED}\"}}\n",
                Map.of("SPEED", "9-SECRET"));

        assertEquals("the value from ${SPEED} is invalid (expected a number within 0.25..1.5)",
                problemAt(problems, "agents.a.speed").message());
        assertFalse(problems.toString().contains("SECRET"));
    }

    @Test
    void toolChoiceIsAModeOrOneOfTheAgentsTools() {
        Map<String, AgentConfig> agents = parse(EVERY_PROVIDER + """
                agents:
                  a: {provider: ai, tool_choice: NONE}
                  b: {provider: ai, tools: [end_call], tool_choice: required}
                  c: {provider: ai, tools: [end_call, send_dtmf], tool_choice: send_dtmf}
                  d: {provider: ai, tool_choice: ""}
                """).agents();

        assertEquals("none", agents.get("a").toolChoice());
        assertEquals("required", agents.get("b").toolChoice());
        assertEquals("send_dtmf", agents.get("c").toolChoice());
        assertNull(agents.get("d").toolChoice());
    }

    @Test
    void toolChoiceProblems() {
        List<ConfigProblem> problems = problems(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: ai
                    tools: [order_lookup, end_call]
                    tool_choice: order_lookp
                  b: {provider: ai, tools: [end_call], tool_choice: order_lookup}
                  c: {provider: ai, tool_choice: required}
                  d: {provider: ai, tools: [end_cal], tool_choice: end_cal}
                  e: {provider: ai, tool_choice: atuo}
                """ + ORDER_LOOKUP);

        assertEquals("demo.yaml:11: agents.a.tool_choice: tool_choice 'order_lookp' is neither auto, none, required "
                + "nor one of this agent's tools (did you mean 'order_lookup'?) (tools: order_lookup, end_call)",
                problemAt(problems, "agents.a.tool_choice").toString());
        assertEquals(new ConfigProblem(SOURCE, "agents.b.tool_choice", 12, "tool_choice 'order_lookup' is neither "
                + "auto, none, required nor one of this agent's tools (tools: end_call)"),
                problemAt(problems, "agents.b.tool_choice"));
        assertEquals(new ConfigProblem(SOURCE, "agents.c.tool_choice", 13,
                "tool_choice required needs at least one tool in tools"), problemAt(problems, "agents.c.tool_choice"));
        assertEquals(14, problemAt(problems, "agents.d.tools[0]").line());
        assertEquals("tool_choice 'atuo' is neither auto, none, required nor one of this agent's tools "
                + "(did you mean 'auto'?) (the agent lists no tools)", problemAt(problems, "agents.e.tool_choice").message());
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void choiceAndTranscriptionProblems() {
        List<ConfigProblem> problems = problems(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: ai
                    noise_reduction: far_feild
                    audio: g711
                    transcription:
                      language: english
                      promt: digits
                  b: {provider: ai, transcription: {model: ""}, audo: pcm}
                  c: {provider: ai, transcription: gpt-4o-transcribe}
                """);

        assertEquals(new ConfigProblem(SOURCE, "agents.a.noise_reduction", 10, "unknown noise reduction 'far_feild' "
                + "(did you mean 'far_field'?) (allowed: near_field, far_field)"),
                problemAt(problems, "agents.a.noise_reduction"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.audio", 11, "unknown audio mode 'g711' (allowed: auto, pcm)"),
                problemAt(problems, "agents.a.audio"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.transcription", 12, "missing required key 'model'"),
                problemAt(problems, "agents.a.transcription"));
        assertEquals(new ConfigProblem(SOURCE, "agents.a.transcription.language", 13,
                "invalid language 'english' (expected a language code such as en or en-US)"),
                problemAt(problems, "agents.a.transcription.language"));
        assertEquals("unknown key 'promt' (did you mean 'prompt'?)",
                problemAt(problems, "agents.a.transcription.promt").message());
        assertEquals(new ConfigProblem(SOURCE, "agents.b.transcription.model", 15, "must not be empty"),
                problemAt(problems, "agents.b.transcription.model"));
        assertEquals("unknown key 'audo' (did you mean 'audio'?)", problemAt(problems, "agents.b.audo").message());
        assertEquals("expected a map with keys model, language, prompt, found a single value",
                problemAt(problems, "agents.c.transcription").message());
        assertEquals(8, problems.size(), problems::toString);
    }

    @Test
    void transcriptionLanguageMayHaveARegion() {
        AgentConfig agent = parse(MINIMAL + """
                agents: {a: {provider: local, transcription: {model: m, language: pt-BR}}}
                """).agents().get("a");

        assertEquals(new TranscriptionConfig("m", "pt-BR", null), agent.transcription());
    }

    @Test
    void emptyChoicesMeanTheDefault() {
        AgentConfig agent = parse(MINIMAL + """
                agents:
                  a:
                    provider: local
                    audio: "${AUDIO:-}"
                    noise_reduction: ""
                    turn_detection: {type: ""}
                    fallback: {then: ""}
                    dtmf: {mode: ""}
                """).agents().get("a");

        assertEquals(AudioMode.AUTO, agent.audio());
        assertNull(agent.noiseReduction());
        assertEquals(TurnDetectionConfig.SERVER_VAD, agent.turnDetection().type());
        assertEquals(FallbackConfig.defaults(), agent.fallback());
        assertEquals(DtmfConfig.defaults(), agent.dtmf());
    }
}
