package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent's {@code recording:} section. */
class RecordingTest {

    private static final String ALLOWED = "(allowed: {call_id}, {from}, {to}, {agent}, {date}, {time})";

    @Test
    void relativePathIsResolvedAgainstTheConfigurationDirectory(@TempDir Path dir) {
        Map<String, AgentConfig> agents = parse(MINIMAL + """
                agents:
                  a:
                    provider: local
                    recording:
                      path: "rec/{agent}/{date}/{time}-{from}-{to}-{call_id}.wav"
                  b:
                    provider: local
                    recording: {path: "/var/rec/{call_id}.WAV", enabled: false}
                  c: {provider: local}
                  d: {provider: local, recording: }
                """, dir).agents();

        assertEquals(new RecordingConfig(dir.resolve("rec/{agent}/{date}/{time}-{from}-{to}-{call_id}.wav").toString(),
                true), agents.get("a").recording());
        assertEquals(new RecordingConfig("/var/rec/{call_id}.WAV", false), agents.get("b").recording());
        assertNull(agents.get("c").recording());
        assertNull(agents.get("d").recording());
    }

    @Test
    void pathIsRequiredInTheSection() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a:
                    provider: local
                    recording:
                      enabled: true
                  b: {provider: local, recording: {path: ""}}
                """);

        assertEquals(new ConfigProblem("demo.yaml", "agents.a.recording", 5, "missing required key 'path'"),
                problemAt(problems, "agents.a.recording"));
        assertEquals(new ConfigProblem("demo.yaml", "agents.b.recording.path", 7, "must not be empty"),
                problemAt(problems, "agents.b.recording.path"));
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void unknownPlaceholdersAreNamed() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a: {provider: local, recording: {path: "rec/{dat}/{call_id}.wav"}}
                  b: {provider: local, recording: {path: "rec/{caller}-{x}.wav"}}
                """);

        assertEquals("demo.yaml:3: agents.a.recording.path: unknown placeholder {dat} (did you mean {date}?) in "
                + "'rec/{dat}/{call_id}.wav' " + ALLOWED, problemAt(problems, "agents.a.recording.path").toString());
        assertEquals("unknown placeholders {caller}, {x} in 'rec/{caller}-{x}.wav' " + ALLOWED,
                problemAt(problems, "agents.b.recording.path").message());
    }

    @Test
    void bracesMustFormPlaceholders() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a: {provider: local, recording: {path: "rec/{call_id.wav"}}
                  b: {provider: local, recording: {path: "rec/call_id}.wav"}}
                """);

        assertEquals("unbalanced brace in 'rec/{call_id.wav' (placeholders are written {name}, e.g. {call_id})",
                problemAt(problems, "agents.a.recording.path").message());
        assertEquals(4, problemAt(problems, "agents.b.recording.path").line());
    }

    @Test
    void pathMustEndInWav() {
        ConfigProblem problem = problemAt(problems(MINIMAL
                + "agents: {a: {provider: local, recording: {path: \"rec/{call_id}.mp3\"}}}\n"), "agents.a.recording.path");

        assertEquals("recording path 'rec/{call_id}.mp3' must end in .wav", problem.message());
    }

    @Test
    void enabledIsTrueOrFalse() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a:
                    provider: local
                    recording:
                      path: "{call_id}.wav"
                      enabled: sometimes
                      enable: false
                """);

        assertEquals(new ConfigProblem("demo.yaml", "agents.a.recording.enabled", 7,
                "expected true or false, found 'sometimes'"), problemAt(problems, "agents.a.recording.enabled"));
        assertEquals("unknown key 'enable' (did you mean 'enabled'?)",
                problemAt(problems, "agents.a.recording.enable").message());
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void pathFromTheEnvironmentIsNotShown() {
        ConfigProblem problem = problemAt(problems(MINIMAL
                + "agents: {a: {provider: local, recording: {path: \"${REC}\"}}}\n", Map.of("REC", "/secret/{who}.wav")),
                "agents.a.recording.path");

        assertEquals("the value from ${REC} is invalid (expected a .wav file name template with placeholders among "
                + "{call_id}, {from}, {to}, {agent}, {date}, {time})", problem.message());
    }
}
