package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each server message (realtime-protocols §6.4) and the exact neutral events it becomes. */
class GeminiServerMessagesTest {

    private static final byte[] CHUNK_1 = {1, 0, 2, 0};
    private static final byte[] CHUNK_2 = {3, 0, 4, 0};

    private final GeminiServerMessages messages = new GeminiServerMessages();

    private List<String> map(String... json) throws Exception {
        List<ServerEvent> events = new ArrayList<>();
        for (String message : json) {
            events.addAll(messages.map(GeminiClientMessages.JSON.readTree(message)));
        }
        return EventText.of(events);
    }

    private static List<String> expect(ServerEvent... events) {
        return EventText.of(List.of(events));
    }

    private static ServerEvent.AudioDelta audio(int turn, byte[] pcm) {
        return new ServerEvent.AudioDelta("resp_" + turn, "item_" + turn, 0, pcm);
    }

    private static ServerEvent.Transcript agent(int turn, String text, boolean done) {
        return new ServerEvent.Transcript(Role.AGENT, "item_" + turn, text, done);
    }

    private static ServerEvent.ResponseDone done(int turn, String status, String reason) {
        return new ServerEvent.ResponseDone("resp_" + turn, status, reason);
    }

    @Test
    void aModelTurnHasOneResponseIdAndOneItemId() throws Exception {
        List<String> events = map(
                GeminiServerJson.audio(CHUNK_1),
                GeminiServerJson.outputTranscription("Hello "),
                GeminiServerJson.audio(CHUNK_2),
                GeminiServerJson.outputTranscription("there."),
                GeminiServerJson.generationComplete(),
                GeminiServerJson.turnComplete());

        assertEquals(expect(
                new ServerEvent.ResponseStarted("resp_1"),
                audio(1, CHUNK_1),
                agent(1, "Hello ", false),
                audio(1, CHUNK_2),
                agent(1, "there.", false),
                done(1, "completed", null),
                agent(1, "Hello there.", true)), events);
    }

    @Test
    void theNextTurnGetsTheNextIds() throws Exception {
        map(GeminiServerJson.audio(CHUNK_1), GeminiServerJson.turnComplete());

        List<String> events = map(GeminiServerJson.audio(CHUNK_2), GeminiServerJson.turnComplete());

        assertEquals(expect(
                new ServerEvent.ResponseStarted("resp_2"),
                audio(2, CHUNK_2),
                done(2, "completed", null),
                agent(2, "", true)), events);
    }

    @Test
    void transcriptionThatLagsGenerationStaysInItsTurn() throws Exception {
        List<String> events = map(
                GeminiServerJson.audio(CHUNK_1),
                GeminiServerJson.generationComplete(),
                GeminiServerJson.outputTranscription("late words"),
                "{\"serverContent\":{\"turnComplete\":true,\"turnCompleteReason\":\"NEED_MORE_INPUT\"}}");

        assertEquals(expect(
                new ServerEvent.ResponseStarted("resp_1"),
                audio(1, CHUNK_1),
                done(1, "completed", null),
                agent(1, "late words", false),
                agent(1, "late words", true)), events);
    }

    @Test
    void turnCompleteAloneCompletesWithItsReason() throws Exception {
        List<String> events = map(GeminiServerJson.audio(CHUNK_1),
                "{\"serverContent\":{\"turnComplete\":true,\"turnCompleteReason\":\"RESPONSE_REJECTED\"}}",
                GeminiServerJson.turnComplete());

        assertEquals(expect(
                new ServerEvent.ResponseStarted("resp_1"),
                audio(1, CHUNK_1),
                done(1, "completed", "RESPONSE_REJECTED"),
                agent(1, "", true)), events, "a second turnComplete with no turn open reports nothing");
    }

    @Test
    void audioAfterGenerationCompleteBeginsANewTurn() throws Exception {
        List<String> events = map(GeminiServerJson.audio(CHUNK_1), GeminiServerJson.generationComplete(),
                GeminiServerJson.audio(CHUNK_2));

        assertEquals(expect(
                new ServerEvent.ResponseStarted("resp_1"),
                audio(1, CHUNK_1),
                done(1, "completed", null),
                agent(1, "", true),
                new ServerEvent.ResponseStarted("resp_2"),
                audio(2, CHUNK_2)), events);
    }

    @Test
    void serverInterruptionIsSpeechAndCancelsTheTurn() throws Exception {
        List<String> events = map(GeminiServerJson.audio(CHUNK_1), GeminiServerJson.outputTranscription("Let me"),
                GeminiServerJson.interrupted(), GeminiServerJson.turnComplete());

        assertEquals(expect(
                new ServerEvent.ResponseStarted("resp_1"),
                audio(1, CHUNK_1),
                agent(1, "Let me", false),
                new ServerEvent.SpeechStarted(null, 0),
                done(1, "cancelled", "turn_detected"),
                agent(1, "Let me", true)), events);
    }

    @Test
    void interruptionBetweenTurnsIsOnlySpeech() throws Exception {
        assertEquals(expect(new ServerEvent.SpeechStarted(null, 0)), map(GeminiServerJson.interrupted()));
    }

    @Test
    void aClientInterruptCancelsTheTurnAndDropsTheRestOfIt() throws Exception {
        map(GeminiServerJson.audio(CHUNK_1), GeminiServerJson.outputTranscription("One, "));

        assertEquals(expect(done(1, "cancelled", "client_cancelled"), agent(1, "One, ", true)),
                EventText.of(messages.interrupt()));
        assertEquals(List.of(), map(GeminiServerJson.audio(CHUNK_2), GeminiServerJson.outputTranscription("two."),
                GeminiServerJson.generationComplete(), GeminiServerJson.turnComplete()));
        assertEquals(expect(new ServerEvent.ResponseStarted("resp_2"), audio(2, CHUNK_2)),
                map(GeminiServerJson.audio(CHUNK_2)));
    }

    @Test
    void aCancelledTurnEndsWhenAudioFollowsItsGeneration() throws Exception {
        map(GeminiServerJson.audio(CHUNK_1), GeminiServerJson.generationComplete());

        assertEquals(expect(agent(1, "", true)), EventText.of(messages.interrupt()),
                "the response was already done: only the transcript is closed");
        assertEquals(List.of(), map(GeminiServerJson.outputTranscription("trailing")));
        assertEquals(expect(new ServerEvent.ResponseStarted("resp_2"), audio(2, CHUNK_2)),
                map(GeminiServerJson.audio(CHUNK_2)));
    }

    @Test
    void interruptingWithNoTurnRunningReportsNothing() throws Exception {
        assertEquals(List.of(), messages.interrupt());
        map(GeminiServerJson.audio(CHUNK_1), GeminiServerJson.turnComplete());
        assertEquals(List.of(), messages.interrupt());
    }

    @Test
    void callerTranscriptEndsWhenFinished() throws Exception {
        List<String> events = map(GeminiServerJson.inputTranscription("Where is ", false),
                GeminiServerJson.inputTranscription("my order?", true),
                GeminiServerJson.inputTranscription("Hello", false));

        assertEquals(expect(
                new ServerEvent.Transcript(Role.USER, "input_1", "Where is ", false),
                new ServerEvent.Transcript(Role.USER, "input_1", "my order?", false),
                new ServerEvent.Transcript(Role.USER, "input_1", "Where is my order?", true),
                new ServerEvent.Transcript(Role.USER, "input_2", "Hello", false)), events);
    }

    @Test
    void callerTranscriptEndsWithTheTurnThatAnsweredIt() throws Exception {
        List<String> events = map(GeminiServerJson.inputTranscription("Hi", false),
                GeminiServerJson.audio(CHUNK_1),
                GeminiServerJson.inputTranscription(" there", false),
                GeminiServerJson.turnComplete());

        assertEquals(expect(
                new ServerEvent.Transcript(Role.USER, "input_1", "Hi", false),
                new ServerEvent.ResponseStarted("resp_1"),
                audio(1, CHUNK_1),
                new ServerEvent.Transcript(Role.USER, "input_1", " there", false),
                done(1, "completed", null),
                agent(1, "", true),
                new ServerEvent.Transcript(Role.USER, "input_1", "Hi there", true)), events);
    }

    @Test
    void aBargeInUtteranceOutlivesTheTurnItInterrupted() throws Exception {
        map(GeminiServerJson.audio(CHUNK_1));

        List<String> interrupted = map(GeminiServerJson.inputTranscription("Wait", false),
                GeminiServerJson.interrupted(), GeminiServerJson.turnComplete());
        List<String> answered = map(GeminiServerJson.audio(CHUNK_2), GeminiServerJson.turnComplete());

        assertEquals(expect(
                new ServerEvent.Transcript(Role.USER, "input_1", "Wait", false),
                new ServerEvent.SpeechStarted(null, 0),
                done(1, "cancelled", "turn_detected"),
                agent(1, "", true)), interrupted);
        assertEquals(expect(
                new ServerEvent.ResponseStarted("resp_2"),
                audio(2, CHUNK_2),
                done(2, "completed", null),
                agent(2, "", true),
                new ServerEvent.Transcript(Role.USER, "input_1", "Wait", true)), answered);
    }

    @Test
    void textPartsAreNotSpoken() throws Exception {
        assertEquals(List.of(), map("{\"serverContent\":{\"modelTurn\":{\"parts\":[{\"text\":\"**Thinking**\"}]}}}"));
    }

    @Test
    void toolCallsStartAndFinishAtOnceAndAreRemembered() throws Exception {
        List<String> events = map("""
                {"toolCall":{"functionCalls":[
                  {"id":"fc-1","name":"lookup_order","args":{"order_id":"42"}},
                  {"id":"fc-2","name":"end_call"}]}}""");

        assertEquals(expect(
                new ServerEvent.ToolCallStarted("fc-1", "lookup_order"),
                new ServerEvent.ToolCallDone("fc-1", "lookup_order", "{\"order_id\":\"42\"}"),
                new ServerEvent.ToolCallStarted("fc-2", "end_call"),
                new ServerEvent.ToolCallDone("fc-2", "end_call", "{}")), events);
        assertEquals(new GeminiServerMessages.PendingCall("fc-1", "lookup_order"), messages.takeToolCall("fc-1"));
        assertNull(messages.takeToolCall("fc-1"), "a call is answered once");
    }

    @Test
    void aCallWithoutAnIdGetsOneMadeUp() throws Exception {
        List<String> events = map("{\"toolCall\":{\"functionCalls\":[{\"name\":\"end_call\",\"args\":{}}]}}");

        assertEquals(expect(new ServerEvent.ToolCallStarted("call_1", "end_call"),
                new ServerEvent.ToolCallDone("call_1", "end_call", "{}")), events);
        assertEquals(new GeminiServerMessages.PendingCall(null, "end_call"), messages.takeToolCall("call_1"));
    }

    @Test
    void aCancelledCallIsForgotten() throws Exception {
        map(GeminiServerJson.toolCall("fc-9", "lookup_order", "{}"));

        assertEquals(expect(new ServerEvent.Unrecognized("toolCallCancellation")),
                map(GeminiServerJson.toolCallCancellation("fc-9")));
        assertNull(messages.takeToolCall("fc-9"));
    }

    @Test
    void usageRidesBesideServerContent() throws Exception {
        List<String> events = map("""
                {"serverContent":{"turnComplete":true},
                 "usageMetadata":{"promptTokenCount":120,"responseTokenCount":30,"totalTokenCount":150}}""");

        assertEquals(expect(new ServerEvent.Usage(120, 30, 150)), events);
    }

    @Test
    void goAwayReportsTheTimeLeft() throws Exception {
        assertEquals(expect(new ServerEvent.GoingAway(Duration.ofSeconds(12))), map(GeminiServerJson.goAway("12s")));
        assertEquals(expect(new ServerEvent.GoingAway(Duration.ofMillis(1500))), map(GeminiServerJson.goAway("1.5s")));
        assertEquals(expect(new ServerEvent.GoingAway(Duration.ZERO)), map("{\"goAway\":{}}"));
        assertEquals(expect(new ServerEvent.GoingAway(Duration.ZERO)), map(GeminiServerJson.goAway("soon")));
    }

    @Test
    void onlyResumableHandlesAreReported() throws Exception {
        assertEquals(expect(new ServerEvent.ResumptionHandle("h-1")), map(GeminiServerJson.resumptionUpdate("h-1", true)));
        assertEquals(List.of(), map(GeminiServerJson.resumptionUpdate("", false)));
        assertEquals(List.of(), map(GeminiServerJson.resumptionUpdate("", true)));
    }

    @Test
    void voiceActivityIsSpeech() throws Exception {
        assertEquals(expect(new ServerEvent.SpeechStarted(null, 1250)),
                map("{\"voiceActivity\":{\"voiceActivityType\":\"ACTIVITY_START\",\"audioOffset\":\"1.25s\"}}"));
        assertEquals(expect(new ServerEvent.SpeechStopped(null, 0)),
                map("{\"voiceActivity\":{\"voiceActivityType\":\"ACTIVITY_END\"}}"));
    }

    @Test
    void unknownKeysAreUnrecognisedAndRepeatedSetupCompleteIsIgnored() throws Exception {
        assertEquals(expect(new ServerEvent.Unrecognized("voiceActivityDetectionSignal")),
                map("{\"setupComplete\":{},\"voiceActivityDetectionSignal\":{}}"));
    }

    @Test
    void aMalformedPartIsSkippedWithoutLosingTheRest() throws Exception {
        List<String> events = map("""
                {"serverContent":{"modelTurn":{"parts":[
                   {"inlineData":{"mimeType":"audio/pcm;rate=24000","data":"%%% not base64"}},
                   {"inlineData":{"mimeType":"audio/pcm;rate=24000","data":"AQACAA=="}}]}},
                 "goAway":{"timeLeft":"3s"}}""");

        assertEquals(expect(new ServerEvent.ResponseStarted("resp_1"), audio(1, CHUNK_1),
                new ServerEvent.GoingAway(Duration.ofSeconds(3))), events);
    }
}
