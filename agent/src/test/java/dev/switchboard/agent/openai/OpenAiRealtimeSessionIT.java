package dev.switchboard.agent.openai;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.local.LocalRealtimeServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer;
import dev.switchboard.agent.ws.ScriptedWebSocketServer.Peer;


import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterAll;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A session's life through {@link OpenAiRealtimeTransport} over loopback: against the local engine in echo mode
 * (real server VAD, real responses, real truncation checks), and how it ends when the provider cannot be reached,
 * refuses the upgrade or refuses the configuration. Every event must arrive on the caller's loop, and
 * {@code Closed} must come exactly once, last.
 */
class OpenAiRealtimeSessionIT {

    private static final Duration WAIT = RecordingRealtimeListener.WAIT;
    private static final SessionConfig ECHO = new SessionConfig("echo", "Repeat what the caller says.", null,
            AudioFormat.PCM16_24K, AudioFormat.PCM16_24K, List.of());

    @RegisterExtension
    static final SessionLoop LOOP = new SessionLoop();
    private static LocalRealtimeServer local;
    private static RealtimeTransport echo;

    @BeforeAll
    static void start() {
        local = LocalRealtimeServer.start("127.0.0.1", 0);
        echo = new OpenAiRealtimeTransport(OpenAiEndpoint.bearer(local.baseUri().toString(), null, "echo"));
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static RecordingRealtimeListener open(RealtimeTransport transport, SessionConfig config)
            throws Exception {
        return LOOP.open(transport, config);
    }

    /** Opens an echo session on the local engine and waits until it is ready. */
    private RecordingRealtimeListener openEcho() throws Exception {
        RecordingRealtimeListener recorder = open(echo, ECHO);
        recorder.next(ServerEvent.SessionReady.class);
        return recorder;
    }

    private static OpenAiRealtimeTransport transportTo(ScriptedWebSocketServer server, String apiKey) {
        return new OpenAiRealtimeTransport(OpenAiEndpoint.bearer(server.uri("/v1").toString(), apiKey, "gpt-realtime"));
    }

    /** Appends {@code pcm} in 20 ms chunks, as a call's media loop would; true when every chunk was queued. */
    private static boolean sendAudio(RealtimeSession session, byte[] pcm) throws Exception {
        return LOOP.call(() -> {
            boolean all = true;
            for (int at = 0; at < pcm.length; at += TestPcm.CHUNK_BYTES) {
                byte[] chunk = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + TestPcm.CHUNK_BYTES));
                all &= session.send(new ClientEvent.AppendAudio(chunk));
            }
            return all;
        });
    }

    /** A loopback port with no listener: bound once to get a free number, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aCallerTurnIsEchoedBackAsTheSameAudio() throws Exception {
        byte[] speech = TestPcm.speech(800);
        RecordingRealtimeListener call = openEcho();
        assertTrue(LOOP.call(() -> call.session.isOpen()));

        assertTrue(sendAudio(call.session, TestPcm.concat(TestPcm.silence(300), speech, TestPcm.silence(800))));

        ServerEvent.SpeechStarted started = call.next(ServerEvent.SpeechStarted.class);
        ServerEvent.SpeechStopped stopped = call.next(ServerEvent.SpeechStopped.class);
        assertEquals(started.itemId(), stopped.itemId());
        assertTrue(started.audioStartMillis() <= 40, "speech at 300 ms less 300 ms of padding: " + started);
        assertTrue(stopped.audioEndMillis() >= 1600 && stopped.audioEndMillis() <= 1650,
                "speech ends at 1100 ms, plus 500 ms of silence: " + stopped);
        String responseId = call.next(ServerEvent.ResponseStarted.class).responseId();

        ByteArrayOutputStream spoken = new ByteArrayOutputStream();
        ServerEvent event = call.next(ServerEvent.AudioDelta.class);
        String agentItem = ((ServerEvent.AudioDelta) event).itemId();
        while (event instanceof ServerEvent.AudioDelta delta) {
            assertEquals(responseId, delta.responseId());
            assertEquals(agentItem, delta.itemId());
            assertEquals(0, delta.contentIndex());
            spoken.writeBytes(delta.audio());
            event = call.next(ServerEvent.class);
        }
        assertEquals(new ServerEvent.Transcript(ServerEvent.Role.AGENT, agentItem, "", true), event);
        assertEquals(new ServerEvent.ResponseDone(responseId, "completed", null), call.next(ServerEvent.class));
        assertEquals(new ServerEvent.Usage(0, 0, 0), call.next(ServerEvent.class), "the engine counts no tokens");

        byte[] audio = spoken.toByteArray();
        assertEquals((stopped.audioEndMillis() - started.audioStartMillis()) * TestPcm.BYTES_PER_MS, audio.length,
                "the reply is the whole turn, from its padded start to its end");
        int speechAt = (int) (300 - started.audioStartMillis()) * TestPcm.SAMPLES_PER_MS;
        double correlation = TestPcm.bestCorrelation(audio, speech, speechAt, 10 * TestPcm.SAMPLES_PER_MS);
        assertTrue(correlation > 0.9, "the reply carries the caller's speech; correlation " + correlation);
        call.assertNothingMore();
    }

    @Test
    void commandsAreRefusedUntilTheSessionIsReady() throws Exception {
        RecordingRealtimeListener call = LOOP.listener();
        List<Boolean> early = LOOP.call(() -> {
            call.session = echo.open(ECHO, LOOP.loop(), call);
            return List.of(call.session.isOpen(),
                    call.session.send(new ClientEvent.AppendAudio(TestPcm.silence(20))),
                    call.session.send(new ClientEvent.CreateResponse()));
        });
        assertEquals(List.of(false, false, false), early);

        call.next(ServerEvent.SessionReady.class);
        assertTrue(LOOP.call(() -> call.session.isOpen()));
        assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.AppendAudio(TestPcm.silence(20)))));
        call.assertNothingMore();
    }

    @Test
    void anInterruptCancelsTheStreamingResponseAndTruncatesWhatWasHeard() throws Exception {
        RecordingRealtimeListener call = openEcho();
        assertTrue(sendAudio(call.session, TestPcm.turn(300, 3000, 700)));
        call.next(ServerEvent.SpeechStarted.class);
        call.next(ServerEvent.SpeechStopped.class);
        String responseId = call.next(ServerEvent.ResponseStarted.class).responseId();
        ServerEvent.AudioDelta first = call.next(ServerEvent.AudioDelta.class);

        assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt(first.itemId(), 0, 100))));

        long spokenBytes = first.audio().length;
        ServerEvent event = call.next(ServerEvent.class);
        while (!(event instanceof ServerEvent.ResponseDone)) {
            switch (event) {
                case ServerEvent.AudioDelta delta -> spokenBytes += delta.audio().length;
                case ServerEvent.Transcript transcript -> assertTrue(transcript.done());
                default -> fail("unexpected while the response winds down: " + event);
            }
            event = call.next(ServerEvent.class);
        }
        assertEquals(new ServerEvent.ResponseDone(responseId, "cancelled", "client_cancelled"), event);
        assertEquals(new ServerEvent.Usage(0, 0, 0), call.next(ServerEvent.class));
        assertTrue(spokenBytes < 3000L * TestPcm.BYTES_PER_MS, "the reply was cut short: " + spokenBytes + " bytes");

        // The engine answers the truncate before it reads later audio: an error for it would come first.
        assertTrue(sendAudio(call.session, TestPcm.turn(0, 400, 800)));
        call.next(ServerEvent.SpeechStarted.class);
    }

    @Test
    void anInterruptWithNothingPlayingSendsNothing() throws Exception {
        RecordingRealtimeListener call = openEcho();
        assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt(null, 0, 0))));
        byte[] turn = TestPcm.turn(300, 400, 800);

        assertTrue(sendAudio(call.session, turn));
        // A response.cancel would have drawn a response_cancel_not_active error before this.
        call.next(ServerEvent.SpeechStarted.class);
        call.next(ServerEvent.SpeechStopped.class);
        call.next(ServerEvent.ResponseStarted.class);
        call.skipTo(ServerEvent.ResponseDone.class);
        call.next(ServerEvent.Usage.class);

        assertTrue(LOOP.call(() -> call.session.send(new ClientEvent.Interrupt(null, 0, 0))));
        assertTrue(sendAudio(call.session, turn));
        call.next(ServerEvent.SpeechStarted.class);
    }

    @Test
    void closeEndsWithExactlyOneClosed() throws Exception {
        RecordingRealtimeListener call = openEcho();

        LOOP.call(() -> {
            call.session.close();
            return null;
        });
        ServerEvent.Closed closed = call.next(ServerEvent.Closed.class);
        assertFalse(closed.retryable(), "we hung up; nothing to retry: " + closed);

        List<Boolean> afterwards = LOOP.call(() -> {
            call.session.close();
            return List.of(call.session.isOpen(), call.session.send(new ClientEvent.CreateResponse()));
        });
        assertEquals(List.of(false, false), afterwards);
        call.assertNothingMore();
    }

    @Test
    void closingWhileAResponseStreamsEndsWithClosedLast() throws Exception {
        RecordingRealtimeListener call = openEcho();
        assertTrue(sendAudio(call.session, TestPcm.turn(300, 3000, 700)));
        call.skipTo(ServerEvent.AudioDelta.class);

        LOOP.call(() -> {
            call.session.close();
            return null;
        });
        ServerEvent.Closed closed = call.skipTo(ServerEvent.Closed.class);
        assertFalse(closed.retryable());
        call.assertNothingMore();
    }

    @Test
    void closingBeforeTheConnectionStartsClosesAtOnce() throws Exception {
        RecordingRealtimeListener call = LOOP.listener();
        LOOP.call(() -> {
            call.session = echo.open(ECHO, LOOP.loop(), call);
            call.session.close();
            return null;
        });
        assertEquals(new ServerEvent.Closed(1000, "closed before connecting", false),
                call.next(ServerEvent.class));
        call.assertNothingMore();
    }

    @Test
    void anUnreachableProviderClosesAsRetryable() throws Exception {
        RealtimeTransport nowhere = new OpenAiRealtimeTransport(
                OpenAiEndpoint.bearer("ws://127.0.0.1:" + closedPort() + "/v1", "sk-test-0000111122223333", "echo"));
        RecordingRealtimeListener call = open(nowhere, ECHO);

        ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, call.next(ServerEvent.class));
        assertEquals(-1, closed.code());
        assertTrue(closed.reason().contains("cannot reach provider"), closed.reason());
        assertTrue(closed.retryable());
        call.assertNothingMore();
    }

    @Test
    void aRefusedKeyClosesAsNotRetryableWithoutTheKey() throws Exception {
        String body = "{\"error\":{\"message\":\"Incorrect API key provided: sk-secret123456.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.refusing(HttpResponseStatus.UNAUTHORIZED, body)) {
            RecordingRealtimeListener call = open(transportTo(server, "sk-secret123456"), ECHO);

            ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, call.next(ServerEvent.class));
            assertEquals(-1, closed.code());
            assertTrue(closed.reason().contains("refused"), closed.reason());
            assertTrue(closed.reason().contains("401"), closed.reason());
            assertFalse(closed.reason().contains("secret123456"), closed.reason());
            assertFalse(closed.retryable());
            call.assertNothingMore();
        }
    }

    @Test
    void anOverloadedProviderClosesAsRetryable() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.refusing(HttpResponseStatus.SERVICE_UNAVAILABLE,
                "{\"error\":{\"message\":\"Try again later.\"}}")) {
            RecordingRealtimeListener call = open(transportTo(server, null), ECHO);

            ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, call.next(ServerEvent.class));
            assertTrue(closed.reason().contains("503"), closed.reason());
            assertTrue(closed.retryable());
            call.assertNothingMore();
        }
    }

    @Test
    void anUnknownPathClosesAsNotRetryable() throws Exception {
        RealtimeTransport wrongPath = new OpenAiRealtimeTransport(
                OpenAiEndpoint.bearer(local.baseUri() + "/nowhere", null, "echo"));
        RecordingRealtimeListener call = open(wrongPath, ECHO);

        ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, call.next(ServerEvent.class));
        assertTrue(closed.reason().contains("404"), closed.reason());
        assertFalse(closed.retryable());
        call.assertNothingMore();
    }

    @Test
    void anErrorBeforeTheSessionIsReadyClosesAsNotRetryableWithoutTheSecret() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.accepting(new ScriptedWebSocketServer.Script() {
            @Override
            public void onOpen(Peer peer) {
                peer.sendText("""
                        {"type":"error","error":{"code":"invalid_model","message":"bad model sk-secret123456"}}""");
            }
        })) {
            RecordingRealtimeListener call = open(transportTo(server, null), ECHO);

            ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, call.next(ServerEvent.class));
            assertTrue(closed.reason().contains("invalid_model"), closed.reason());
            assertFalse(closed.reason().contains("secret123456"), closed.reason());
            assertFalse(closed.retryable());
            call.assertNothingMore();
            assertTrue(server.nextPeer().awaitDisconnected(), "the refused session's socket is closed");
        }
    }

    @Test
    void aConfigurationTheEngineRefusesClosesTheSession() throws Exception {
        SessionConfig g711 = new SessionConfig("echo", "", null, AudioFormat.PCMU, AudioFormat.PCMU, List.of());
        RecordingRealtimeListener call = open(echo, g711);

        ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, call.next(ServerEvent.class));
        assertTrue(closed.reason().contains("invalid_value"), closed.reason());
        assertFalse(closed.retryable());
        call.assertNothingMore();
    }
}
