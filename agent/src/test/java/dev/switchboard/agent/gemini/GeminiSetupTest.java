package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.RealtimeOptions;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.api.ToolDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code setup} message (realtime-protocols §6.2), field by field. */
class GeminiSetupTest {

    static final ToolDefinition LOOKUP = new ToolDefinition("lookup_order", "Look up an order",
            Map.of("type", "object", "properties", Map.of("order_id", Map.of("type", "string")),
                    "required", List.of("order_id")));
    static final RealtimeOptions TUNED = new RealtimeOptions(
            new RealtimeOptions.TurnDetection("server_vad", 0.6, 300, 700, null, null),
            null, "near_field", "auto", 512, 1.2, 0.7);
    static final SessionConfig CONFIG = new SessionConfig("gemini-live-test", "You are the phone assistant.", "Kore",
            AudioFormat.PCM16_16K, AudioFormat.PCM16_24K, List.of(LOOKUP), TUNED);

    private static JsonNode setup(SessionConfig config, Resume resume) throws Exception {
        JsonNode root = GeminiClientMessages.JSON.readTree(GeminiSetup.message(config, "models/m", resume));
        assertEquals(1, root.size(), "setup is the only top-level key");
        return root.get("setup");
    }

    @Test
    void carriesEveryConfiguredField() throws Exception {
        JsonNode setup = setup(CONFIG, Resume.NONE);

        assertEquals("models/m", setup.path("model").asText());
        JsonNode generation = setup.path("generationConfig");
        assertEquals("[\"AUDIO\"]", generation.path("responseModalities").toString());
        assertEquals("Kore", generation.at("/speechConfig/voiceConfig/prebuiltVoiceConfig/voiceName").asText());
        assertEquals(0.7, generation.path("temperature").asDouble());
        assertEquals(512, generation.path("maxOutputTokens").asInt());
        assertEquals("You are the phone assistant.", setup.at("/systemInstruction/parts/0/text").asText());
        JsonNode declaration = setup.at("/tools/0/functionDeclarations/0");
        assertEquals("lookup_order", declaration.path("name").asText());
        assertEquals("Look up an order", declaration.path("description").asText());
        assertEquals(GeminiClientMessages.JSON.valueToTree(LOOKUP.parameters()), declaration.path("parameters"));
        JsonNode input = setup.path("realtimeInputConfig");
        assertFalse(input.at("/automaticActivityDetection/disabled").asBoolean(true));
        assertEquals(300, input.at("/automaticActivityDetection/prefixPaddingMs").asInt());
        assertEquals(700, input.at("/automaticActivityDetection/silenceDurationMs").asInt());
        assertEquals("START_OF_ACTIVITY_INTERRUPTS", input.path("activityHandling").asText());
        assertEquals("{}", setup.path("inputAudioTranscription").toString());
        assertEquals("{}", setup.path("outputAudioTranscription").toString());
        assertEquals("{}", setup.path("sessionResumption").toString());
        assertEquals("{\"slidingWindow\":{}}", setup.path("contextWindowCompression").toString());
    }

    @Test
    void leavesOutWhatIsNotConfigured() throws Exception {
        SessionConfig bare = new SessionConfig("m", "", null, AudioFormat.PCM16_16K, AudioFormat.PCM16_24K, null);

        JsonNode setup = setup(bare, Resume.NONE);

        assertFalse(setup.path("generationConfig").has("speechConfig"));
        assertFalse(setup.path("generationConfig").has("temperature"));
        assertFalse(setup.has("systemInstruction"), "an empty instruction is left out, not sent as an empty part");
        assertFalse(setup.has("tools"));
        assertEquals("{\"disabled\":false}", setup.at("/realtimeInputConfig/automaticActivityDetection").toString());
    }

    @Test
    void aResumptionHandleResumesAndLeavesTheInstructionsAlone() throws Exception {
        Resume resume = new Resume(List.of(new HistoryEntry.UserSaid("hello")), "handle-42");

        JsonNode setup = setup(CONFIG, resume);

        assertEquals("{\"handle\":\"handle-42\"}", setup.path("sessionResumption").toString());
        assertEquals("You are the phone assistant.", setup.at("/systemInstruction/parts/0/text").asText(),
                "the handle carries the context; folding it in as well would repeat it");
    }

    @Test
    void historyWithoutAHandleIsFoldedIntoTheInstructions() throws Exception {
        Resume resume = new Resume(List.of(
                new HistoryEntry.AgentSaid("Hi, Acme here."),
                new HistoryEntry.UserSaid("Where is order\n42?"),
                new HistoryEntry.ToolCalled("c1", "lookup_order", "{\"order_id\":\"42\"}"),
                new HistoryEntry.ToolAnswered("c1", "{\"status\":\"shipped\"}")), null);

        JsonNode setup = setup(CONFIG, resume);

        assertEquals("{}", setup.path("sessionResumption").toString());
        String text = setup.at("/systemInstruction/parts/0/text").asText();
        assertTrue(text.startsWith("You are the phone assistant.\n\n## Ongoing call: you are mid-call"), text);
        assertTrue(text.contains("Do not re-introduce yourself"), text);
        assertTrue(text.contains("""
                You: Hi, Acme here.
                Caller: Where is order 42?
                [tool call] lookup_order({"order_id":"42"})
                [tool result] {"status":"shipped"}
                """), text);
        assertTrue(text.endsWith("## End of the transcript: continue the call now."), text);
    }

    @Test
    void historyIsFoldedEvenWithoutInstructions() throws Exception {
        SessionConfig bare = new SessionConfig("m", "", null, AudioFormat.PCM16_16K, AudioFormat.PCM16_24K, null);

        JsonNode setup = setup(bare, new Resume(List.of(new HistoryEntry.UserSaid("hi")), null));

        String text = setup.at("/systemInstruction/parts/0/text").asText();
        assertTrue(text.startsWith("## Ongoing call"), text);
        assertTrue(text.contains("\nCaller: hi\n"), text);
    }
}
