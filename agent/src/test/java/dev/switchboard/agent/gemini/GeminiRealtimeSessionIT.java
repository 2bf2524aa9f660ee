package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conversation through {@link GeminiRealtimeTransport} against {@link FakeGeminiServer} over loopback: setup,
 * audio both ways, text and binary frames, tool calls, interruptions from either side, goAway and resumption.
 * How sessions end is in {@link GeminiSessionEndingsIT}.
 */
class GeminiRealtimeSessionIT extends GeminiSessionHarness {

    @Test
    void setupCarriesTheConfigurationAndReadinessFollowsSetupComplete() throws Exception {
        RecordingListener listener = open(CONFIG, Resume.NONE);
        FakeGeminiServer.Peer peer = server.nextPeer();

        listener.next(ServerEvent.SessionReady.class);
        JsonNode setup = peer.setup();
        assertEquals(API_KEY, peer.keyHeader());
        assertEquals("models/" + MODEL, setup.path("model").asText());
        assertEquals("[\"AUDIO\"]", setup.at("/generationConfig/responseModalities").toString());
        assertEquals("Kore", setup.at("/generationConfig/speechConfig/voiceConfig/prebuiltVoiceConfig/voiceName")
                .asText());
        assertEquals(0.7, setup.at("/generationConfig/temperature").asDouble());
        assertEquals("You are the phone assistant.", setup.at("/systemInstruction/parts/0/text").asText());
        assertEquals("lookup_order", setup.at("/tools/0/functionDeclarations/0/name").asText());
        assertEquals("string",
                setup.at("/tools/0/functionDeclarations/0/parameters/properties/order_id/type").asText());
        assertEquals(700, setup.at("/realtimeInputConfig/automaticActivityDetection/silenceDurationMs").asInt());
        assertEquals(300, setup.at("/realtimeInputConfig/automaticActivityDetection/prefixPaddingMs").asInt());
        assertEquals("START_OF_ACTIVITY_INTERRUPTS", setup.at("/realtimeInputConfig/activityHandling").asText());
        assertTrue(setup.path("inputAudioTranscription").isObject());
        assertTrue(setup.path("outputAudioTranscription").isObject());
        assertEquals("{}", setup.path("sessionResumption").toString());
        assertTrue(onLoop(() -> listener.session.isOpen()));
    }

    @Test
    void callerAudioGoesInAtSixteenKilohertzAndTheModelTurnComesBack() throws Exception {
        byte[] reply = pcm(3 * FakeGeminiServer.OUTPUT_CHUNK_BYTES + 100, 5);
        server.replyToAudio(5 * INPUT_CHUNK_BYTES, new FakeGeminiServer.Turn(reply, "Your order has shipped."));
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();
        byte[] speech = pcm(5 * INPUT_CHUNK_BYTES, 1);

        for (int at = 0; at < speech.length; at += INPUT_CHUNK_BYTES) {
            assertTrue(send(listener, new ClientEvent.AppendAudio(
                    Arrays.copyOfRange(speech, at, at + INPUT_CHUNK_BYTES))));
        }

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            JsonNode audio = peer.nextMessage().at("/realtimeInput/audio");
            assertEquals("audio/pcm;rate=16000", audio.path("mimeType").asText());
            received.writeBytes(Base64.getDecoder().decode(audio.path("data").asText()));
        }
        assertArrayEquals(speech, received.toByteArray());
        assertEquals(new ServerEvent.ResponseStarted("resp_1"), listener.next());
        assertArrayEquals(reply, audioUntilDone(listener, "resp_1"));
        assertEquals(new ServerEvent.Transcript(Role.AGENT, "item_1", "Your order has shipped.", true),
                listener.next());
    }

    @Test
    void textAndBinaryFramesMeanTheSame() throws Exception {
        byte[] chunk = pcm(960, 3);
        List<String> turn = List.of(GeminiServerJson.audio(chunk), GeminiServerJson.outputTranscription("Hi."),
                GeminiServerJson.turnComplete(), GeminiServerJson.usage(10, 5, 15));
        List<List<String>> seen = new ArrayList<>();
        for (boolean binary : new boolean[] {true, false}) {
            RecordingListener listener = openReady();
            FakeGeminiServer.Peer peer = server.nextPeer();
            turn.forEach(binary ? peer::send : peer::sendAsText);
            List<ServerEvent> events = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                events.add(listener.next());
            }
            seen.add(EventText.of(events));
        }

        assertEquals(seen.get(0), seen.get(1));
        assertEquals(EventText.of(List.of(new ServerEvent.ResponseStarted("resp_1"),
                new ServerEvent.AudioDelta("resp_1", "item_1", 0, chunk),
                new ServerEvent.Transcript(Role.AGENT, "item_1", "Hi.", false),
                new ServerEvent.ResponseDone("resp_1", "completed", null),
                new ServerEvent.Transcript(Role.AGENT, "item_1", "Hi.", true),
                new ServerEvent.Usage(10, 5, 15))), seen.get(0));
    }

    @Test
    void aToolCallIsAnsweredWithItsIdAndName() throws Exception {
        byte[] reply = pcm(960, 9);
        server.replyToToolResponses(new FakeGeminiServer.Turn(reply, "It shipped."));
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();

        peer.sendToolCall("function-call-123", "lookup_order", "{\"order_id\":\"42\"}");
        assertEquals(new ServerEvent.ToolCallStarted("function-call-123", "lookup_order"), listener.next());
        assertEquals(new ServerEvent.ToolCallDone("function-call-123", "lookup_order", "{\"order_id\":\"42\"}"),
                listener.next());
        assertTrue(send(listener, new ClientEvent.ToolResult("function-call-123", "{\"status\":\"shipped\"}")));

        JsonNode answer = peer.nextMessage().at("/toolResponse/functionResponses/0");
        assertEquals("function-call-123", answer.path("id").asText());
        assertEquals("lookup_order", answer.path("name").asText());
        assertEquals("{\"output\":{\"status\":\"shipped\"}}", answer.path("response").toString());
        assertEquals(new ServerEvent.ResponseStarted("resp_1"), listener.next());
        assertArrayEquals(reply, audioUntilDone(listener, "resp_1"));
        assertFalse(send(listener, new ClientEvent.ToolResult("function-call-123", "{}")),
                "a call is answered once");
    }

    @Test
    void aFailedToolIsAnsweredAsAnError() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();
        peer.sendToolCall("fc-7", "lookup_order", "{}");
        listener.next(ServerEvent.ToolCallStarted.class);
        listener.next(ServerEvent.ToolCallDone.class);

        assertTrue(send(listener, new ClientEvent.ToolResult("fc-7", "{\"error\":\"no such order\"}")));

        JsonNode answer = peer.nextMessage().at("/toolResponse/functionResponses/0");
        assertEquals("{\"error\":\"no such order\"}", answer.path("response").toString());
        assertEquals("lookup_order", answer.path("name").asText());
    }

    @Test
    void interruptingDropsTheRestOfTheTurnAndSendsNothing() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();
        byte[] heard = pcm(960, 1);
        peer.send(GeminiServerJson.audio(heard));
        assertEquals(new ServerEvent.ResponseStarted("resp_1"), listener.next());
        assertArrayEquals(heard, listener.next(ServerEvent.AudioDelta.class).audio());

        assertEquals(0, onLoop(() -> {
            assertTrue(listener.session.send(new ClientEvent.Interrupt("item_1", 0, 20)));
            return listener.queued();
        }), "the cancellation is reported after send returns, not from inside it");
        assertEquals(new ServerEvent.ResponseDone("resp_1", "cancelled", "client_cancelled"), listener.next());
        assertEquals(new ServerEvent.Transcript(Role.AGENT, "item_1", "", true), listener.next());
        peer.playTurn(new FakeGeminiServer.Turn(pcm(960, 2), "the rest"));
        byte[] next = pcm(960, 3);
        peer.playTurn(new FakeGeminiServer.Turn(next, "Next."));

        assertEquals(new ServerEvent.ResponseStarted("resp_2"), listener.next(), "nothing more of resp_1");
        assertArrayEquals(next, audioUntilDone(listener, "resp_2"));
        assertTrue(send(listener, new ClientEvent.UserText("1234")));
        assertEquals("1234", peer.nextMessage().at("/clientContent/turns/0/parts/0/text").asText(),
                "the interrupt put nothing on the wire");
    }

    @Test
    void theServersInterruptionIsCallerSpeechAndCancelsTheTurn() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();
        peer.send(GeminiServerJson.audio(pcm(960, 1)));
        listener.next(ServerEvent.ResponseStarted.class);
        listener.next(ServerEvent.AudioDelta.class);

        peer.send(GeminiServerJson.interrupted());
        peer.send(GeminiServerJson.turnComplete());

        assertEquals(new ServerEvent.SpeechStarted(null, 0), listener.next());
        assertEquals(new ServerEvent.ResponseDone("resp_1", "cancelled", "turn_detected"), listener.next());
        assertEquals(new ServerEvent.Transcript(Role.AGENT, "item_1", "", true), listener.next());
        listener.assertNothingMore();
    }

    @Test
    void goAwayAndResumptionUpdatesAreReported() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();

        peer.send(GeminiServerJson.resumptionUpdate("", false));
        peer.send(GeminiServerJson.resumptionUpdate("handle-1", true));
        peer.send(GeminiServerJson.goAway("5s"));

        assertEquals(new ServerEvent.ResumptionHandle("handle-1"), listener.next(), "the unresumable update is quiet");
        assertEquals(new ServerEvent.GoingAway(Duration.ofSeconds(5)), listener.next());
    }

    @Test
    void resumingWithAHandleSendsIt() throws Exception {
        open(CONFIG, new Resume(List.of(new HistoryEntry.UserSaid("hi")), "handle-1")).next(ServerEvent.SessionReady.class);

        JsonNode setup = server.nextPeer().setup();

        assertEquals("handle-1", setup.at("/sessionResumption/handle").asText());
        assertEquals("You are the phone assistant.", setup.at("/systemInstruction/parts/0/text").asText());
    }

    @Test
    void resumingWithOnlyHistoryFoldsItIntoTheInstructions() throws Exception {
        Resume resume = new Resume(List.of(new HistoryEntry.AgentSaid("Acme, how can I help?"),
                new HistoryEntry.UserSaid("Order 42, please."),
                new HistoryEntry.ToolCalled("fc-1", "lookup_order", "{\"order_id\":\"42\"}"),
                new HistoryEntry.ToolAnswered("fc-1", "{\"status\":\"shipped\"}")), null);
        open(CONFIG, resume).next(ServerEvent.SessionReady.class);

        JsonNode setup = server.nextPeer().setup();

        assertFalse(setup.path("sessionResumption").has("handle"));
        String instructions = setup.at("/systemInstruction/parts/0/text").asText();
        assertTrue(instructions.startsWith("You are the phone assistant."), instructions);
        assertTrue(instructions.contains("mid-call"), instructions);
        assertTrue(instructions.contains("""
                You: Acme, how can I help?
                Caller: Order 42, please.
                [tool call] lookup_order({"order_id":"42"})
                [tool result] {"status":"shipped"}"""), instructions);
    }

    @Test
    void greetingsAndTextAreUserTurnsAndOtherResponsesAreImplicit() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();

        assertTrue(send(listener, new ClientEvent.CreateResponse()));
        assertTrue(send(listener, new ClientEvent.CreateResponse("Greet the caller.")));
        assertTrue(send(listener, new ClientEvent.CommitAudio()));
        assertFalse(send(listener, new ClientEvent.UpdateSession(CONFIG)), "Gemini's configuration is fixed");

        JsonNode greeting = peer.nextMessage();
        assertEquals("user", greeting.at("/clientContent/turns/0/role").asText());
        assertEquals("Greet the caller.", greeting.at("/clientContent/turns/0/parts/0/text").asText());
        assertTrue(greeting.at("/clientContent/turnComplete").asBoolean());
        assertEquals("{\"realtimeInput\":{\"audioStreamEnd\":true}}", peer.nextMessage().toString());
        assertTrue(onLoop(() -> listener.session.isOpen()));
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheSession() throws Exception {
        RecordingListener listener = open(transport(API_KEY), CONFIG, Resume.NONE, recorder -> event -> {
            recorder.onEvent(event);
            throw new IllegalStateException("a listener bug");
        });
        listener.next(ServerEvent.SessionReady.class);

        server.nextPeer().send(GeminiServerJson.goAway("5s"));

        assertEquals(new ServerEvent.GoingAway(Duration.ofSeconds(5)), listener.next());
        assertTrue(onLoop(() -> listener.session.isOpen()));
    }

    @Test
    void malformedServerMessagesAreSkipped() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();

        peer.send("{not json");
        peer.sendAsText("[1, 2]");
        peer.send("");
        peer.send(GeminiServerJson.goAway("1.5s"));

        assertEquals(new ServerEvent.GoingAway(Duration.ofMillis(1500)), listener.next());
        assertTrue(onLoop(() -> listener.session.isOpen()));
    }
}
