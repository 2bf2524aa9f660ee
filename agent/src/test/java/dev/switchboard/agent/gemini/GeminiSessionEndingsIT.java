package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a Gemini session ends (realtime-protocols §6.8): failures arrive as close codes or refused upgrades and are
 * classified as retryable or final, reasons lose their secrets, and {@code Closed} comes exactly once, last.
 */
class GeminiSessionEndingsIT extends GeminiSessionHarness {

    @Test
    void nothingIsSentBeforeSetupCompleteAndASilentServerIsGivenUpOn() throws Exception {
        server.ignoreSetup();
        GeminiRealtimeTransport transport = new GeminiRealtimeTransport(
                GeminiEndpoint.apiKey(server.uri().toString(), API_KEY, null), Duration.ofSeconds(1));
        RecordingListener listener = open(transport, CONFIG, Resume.NONE);
        server.nextPeer().setup();

        assertFalse(send(listener, new ClientEvent.AppendAudio(pcm(INPUT_CHUNK_BYTES, 0))));
        ServerEvent.Closed closed = listener.next(ServerEvent.Closed.class);
        assertEquals(-1, closed.code());
        assertTrue(closed.retryable());
        assertTrue(closed.reason().contains("setupComplete"), closed.reason());
    }

    @Test
    void anUnknownModelIsFinal() throws Exception {
        RecordingListener listener = open(new SessionConfig("no-such-model", "", null, AudioFormat.PCM16_16K,
                AudioFormat.PCM16_24K, null), Resume.NONE);

        ServerEvent.Closed closed = listener.next(ServerEvent.Closed.class);

        assertEquals(new ServerEvent.Closed(1008, "Requested entity was not found.", false), closed);
        assertEquals("models/no-such-model", server.nextPeer().setup().path("model").asText());
    }

    @Test
    void aBadKeyIsFinal() throws Exception {
        RecordingListener listener = open(new GeminiRealtimeTransport(
                GeminiEndpoint.apiKey(server.uri().toString(), "AIzaWrongKey000000000000", null)), CONFIG, Resume.NONE);

        ServerEvent.Closed closed = listener.next(ServerEvent.Closed.class);

        assertEquals(1007, closed.code());
        assertFalse(closed.retryable());
        assertTrue(closed.reason().startsWith("API key not valid"), closed.reason());
    }

    @Test
    void aDroppedConnectionIsRetryableAndNothingFollowsClosed() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();
        peer.send(GeminiServerJson.audio(pcm(960, 1)));
        listener.next(ServerEvent.ResponseStarted.class);
        listener.next(ServerEvent.AudioDelta.class);

        peer.drop();

        ServerEvent.Closed closed = listener.next(ServerEvent.Closed.class);
        assertEquals(1006, closed.code());
        assertTrue(closed.retryable());
        assertFalse(send(listener, new ClientEvent.AppendAudio(pcm(INPUT_CHUNK_BYTES, 0))));
        assertFalse(onLoop(() -> listener.session.isOpen()));
        onLoop(() -> {
            listener.session.close();
            return null;
        });
        listener.assertNothingMore();
    }

    @Test
    void anInternalErrorIsRetryableAndItsReasonLosesTheKey() throws Exception {
        RecordingListener listener = openReady();

        server.nextPeer().close(1011, "Internal error for key " + API_KEY);

        assertEquals(new ServerEvent.Closed(1011, "Internal error for key [redacted]", true),
                listener.next(ServerEvent.Closed.class));
    }

    @Test
    void closingIsCleanAndFinal() throws Exception {
        RecordingListener listener = openReady();
        FakeGeminiServer.Peer peer = server.nextPeer();

        onLoop(() -> {
            listener.session.close();
            listener.session.close();
            return null;
        });

        assertEquals(1000, peer.nextCloseFrame());
        assertEquals(new ServerEvent.Closed(1000, "call ended", false), listener.next(ServerEvent.Closed.class));
        listener.assertNothingMore();
    }

    @Test
    void refusedUpgradesAreClassifiedByStatus() throws Exception {
        RecordingListener wrongPath = open(new GeminiRealtimeTransport(GeminiEndpoint.apiKey(
                server.uri().resolve("/ws/elsewhere").toString(), API_KEY, null)), CONFIG, Resume.NONE);
        ServerEvent.Closed notFound = wrongPath.next(ServerEvent.Closed.class);
        assertFalse(notFound.retryable());
        assertTrue(notFound.reason().contains("HTTP 404"), notFound.reason());

        server.refuseUpgrades(HttpResponseStatus.SERVICE_UNAVAILABLE);
        ServerEvent.Closed unavailable = open(CONFIG, Resume.NONE).next(ServerEvent.Closed.class);
        assertTrue(unavailable.retryable());
        assertTrue(unavailable.reason().contains("HTTP 503"), unavailable.reason());
    }

    @Test
    void anUnreachableServerIsRetryable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RecordingListener listener = open(new GeminiRealtimeTransport(GeminiEndpoint.apiKey(
                "ws://127.0.0.1:" + port + FakeGeminiServer.PATH, API_KEY, null)), CONFIG, Resume.NONE);

        ServerEvent.Closed closed = listener.next(ServerEvent.Closed.class);

        assertEquals(-1, closed.code());
        assertTrue(closed.retryable());
    }

    @Test
    void aConfigurationGeminiCannotServeIsRefusedBeforeConnecting() throws Exception {
        RecordingListener listener = open(CONFIG.withFormats(AudioFormat.PCMU, AudioFormat.PCMU), Resume.NONE);

        ServerEvent.Closed closed = listener.next(ServerEvent.Closed.class);

        assertFalse(closed.retryable());
        assertTrue(closed.reason().contains("16 kHz"), closed.reason());
        assertNull(server.pollPeer(RecordingListener.QUIET_WINDOW), "no connection was made");
    }
}
