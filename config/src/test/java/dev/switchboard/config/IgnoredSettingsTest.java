package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.EVERY_PROVIDER;
import static dev.switchboard.config.ConfigFixtures.SOURCE;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent settings the provider type ignores are warnings, located like errors, that do not stop the load. */
class IgnoredSettingsTest {

    private static final String GEMINI_SETUP = " (Gemini Live's setup has no such setting)";

    @Test
    void openAiAndAzureIgnoreTemperatureAndMode() {
        List<ConfigProblem> warnings = warnings(EVERY_PROVIDER + """
                agents:
                  a: {provider: ai, temperature: 0.7, speed: 1.1, noise_reduction: near_field}
                  b: {provider: az, mode: echo}
                """);

        assertEquals(List.of(
                new ConfigProblem(SOURCE, "agents.a.temperature", 8,
                        "ignored by provider type openai (OpenAI's GA realtime session has no temperature)"),
                new ConfigProblem(SOURCE, "agents.b.mode", 9,
                        "ignored by provider type azure (only the local engine has modes)")), warnings);
        assertEquals("demo.yaml:8: agents.a.temperature: ignored by provider type openai (OpenAI's GA realtime "
                + "session has no temperature)", warnings.getFirst().toString());
    }

    @Test
    void xaiIgnoresWhatItsSessionDoesNotTake() {
        List<ConfigProblem> warnings = warnings(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: x
                    temperature: 0.7
                    max_output_tokens: 100
                    tool_choice: auto
                    noise_reduction: near_field
                    speed: 1.1
                    transcription: {model: whisper-1, language: en, prompt: digits}
                    turn_detection: {threshold: 0.4, idle_timeout: 8s}
                """);

        String session = "ignored by provider type xai (xAI's session does not take it)";
        String transcription = "ignored by provider type xai (xAI takes only the transcription language)";
        assertEquals(List.of(
                new ConfigProblem(SOURCE, "agents.a.temperature", 10, session),
                new ConfigProblem(SOURCE, "agents.a.max_output_tokens", 11, session),
                new ConfigProblem(SOURCE, "agents.a.tool_choice", 12, session),
                new ConfigProblem(SOURCE, "agents.a.noise_reduction", 13, session),
                new ConfigProblem(SOURCE, "agents.a.transcription.model", 15, transcription),
                new ConfigProblem(SOURCE, "agents.a.transcription.prompt", 15, transcription)), warnings);
    }

    @Test
    void xaiTranscriptionNeedsOnlyALanguage() {
        String yaml = EVERY_PROVIDER + "agents: {a: {provider: x, transcription: {language: en}}}\n";

        assertEquals(new TranscriptionConfig(null, "en", null), parse(yaml).agents().get("a").transcription());
        assertEquals(List.of(), warnings(yaml));
    }

    @Test
    void geminiIgnoresWhatItsSetupHasNoSettingFor() {
        List<ConfigProblem> warnings = warnings(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: gem
                    speed: 1.1
                    tool_choice: none
                    noise_reduction: far_field
                    transcription: {language: en}
                    turn_detection:
                      threshold: 0.5
                      prefix_padding: 300ms
                      silence_duration: 500ms
                      idle_timeout: 8s
                    temperature: 0.7
                    max_output_tokens: 100
                """);

        assertEquals(List.of(
                new ConfigProblem(SOURCE, "agents.a.speed", 10, "ignored by provider type gemini" + GEMINI_SETUP),
                new ConfigProblem(SOURCE, "agents.a.tool_choice", 11, "ignored by provider type gemini" + GEMINI_SETUP),
                new ConfigProblem(SOURCE, "agents.a.noise_reduction", 12,
                        "ignored by provider type gemini" + GEMINI_SETUP),
                new ConfigProblem(SOURCE, "agents.a.transcription", 13,
                        "ignored by provider type gemini (Gemini Live always transcribes both sides)"),
                new ConfigProblem(SOURCE, "agents.a.turn_detection.threshold", 15,
                        "ignored by provider type gemini" + GEMINI_SETUP),
                new ConfigProblem(SOURCE, "agents.a.turn_detection.idle_timeout", 18,
                        "ignored by provider type gemini" + GEMINI_SETUP)), warnings);
    }

    @Test
    void localIgnoresWhatTheBuiltInEngineDoesNotUse() {
        List<ConfigProblem> warnings = warnings(EVERY_PROVIDER + """
                agents:
                  a:
                    provider: local
                    mode: echo
                    voice: marin
                    instructions: Be brief.
                    greeting: Hello
                    temperature: 0.5
                    max_output_tokens: 10
                    tool_choice: auto
                    speed: 1.2
                    noise_reduction: near_field
                    transcription: {language: en}
                    turn_detection: {threshold: 0.6, prefix_padding: 200ms, silence_duration: 700ms, idle_timeout: 6s}
                """);

        assertEquals(List.of("agents.a.voice", "agents.a.instructions", "agents.a.temperature",
                "agents.a.max_output_tokens", "agents.a.tool_choice", "agents.a.speed", "agents.a.noise_reduction",
                "agents.a.transcription", "agents.a.turn_detection.idle_timeout"),
                warnings.stream().map(ConfigProblem::path).toList());
        assertEquals(new ConfigProblem(SOURCE, "agents.a.voice", 11,
                "ignored by provider type local (the built-in engine speaks with its own offline voice)"),
                warnings.getFirst());
        assertEquals(new ConfigProblem(SOURCE, "agents.a.turn_detection.idle_timeout", 20,
                "ignored by provider type local (the built-in engine does not act on it yet)"), warnings.getLast());
    }

    @Test
    void emptyValuesAreUnsetAndGiveNoWarning() {
        assertEquals(List.of(), warnings(EVERY_PROVIDER + """
                agents:
                  a: {provider: gem, speed: "", tool_choice: "${TOOL_CHOICE:-}", transcription: }
                  b: {provider: local, mode: echo, voice: "", turn_detection: {idle_timeout: ""}}
                """));
    }

    @Test
    void warningsDoNotStopTheLoad(@TempDir Path dir) throws IOException {
        String yaml = EVERY_PROVIDER + "agents: {a: {provider: ai, temperature: 0.7}}\n";
        Path file = Files.writeString(dir.resolve("switchboard.yaml"), yaml);

        LoadedConfig loaded = ConfigLoader.loadWithWarnings(file);

        assertEquals(ConfigLoader.load(file), loaded.config());
        assertEquals(parse(yaml), loaded.config());
        assertEquals(0.7, loaded.config().agents().get("a").temperature());
        assertEquals(List.of(new ConfigProblem(file.toString(), "agents.a.temperature", 7,
                "ignored by provider type openai (OpenAI's GA realtime session has no temperature)")),
                loaded.warnings());
    }
}
