package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded call to the echo agent: once it ends there is one stereo WAV named from the template, the caller's
 * "hello" on the left and the agent's echo of it on the right, where and when each was heard.
 */
class RecordingIT {

    private static final String CONFIG = TestServer.LOOPBACK + """
            providers:
              local: { type: local }
            agents:
              echo:
                provider: local
                mode: echo
                recording: { path: "${RECORDINGS}/{agent}-{to}-{call_id}.wav" }
            numbers:
              "600": echo
            """;

    @TempDir
    static Path recordings;
    private static TestServer server;
    private static short[] hello;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(CONFIG, 31_400, Map.of("RECORDINGS", recordings.toString()));
        hello = Audio.wav("/audio/hello-8k.wav");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCallerIsOnTheLeftAndTheAgentOnTheRightInStep() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "0"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());
            rtp.send(Audio.concat(Audio.silence(300), hello, Audio.silence(4_000)), G711.MU_LAW)
                    .get(15, TimeUnit.SECONDS);
            assertEquals(200, call.bye().status());
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
        Path file = Eventually.value(RecordingIT::finishedRecording, Duration.ofSeconds(5), "the recording");
        assertTrue(file.getFileName().toString().startsWith("echo-600-"), "named from the template: " + file);

        short[][] channels = stereo(Files.readAllBytes(file));
        Audio.Match caller = Audio.bestMatch(hello, channels[0]);
        Audio.Match agent = Audio.bestMatch(hello, channels[1]);
        // Windows, not the whole: on a loaded machine the jitter buffer may trim a frame from a pause in the
        // hello as it brings its delay back to target, which shifts the rest of the word by 20 ms.
        double left = Audio.windowedCorrelation(hello, channels[0]);
        double right = Audio.windowedCorrelation(hello, channels[1]);
        assertTrue(left > 0.9, "the caller's hello on the left: " + left + " (whole: " + caller + ")");
        assertTrue(right > 0.9, "the agent's echo on the right: " + right + " (whole: " + agent + ")");
        int echoDelay = agent.offset() - caller.offset();
        assertTrue(echoDelay > hello.length && echoDelay < hello.length + 8_000 * 2,
                "the echo is recorded after the hello ended, as the caller heard it: " + echoDelay + " samples");
    }

    /** The one WAV in the directory, once its header says it holds every byte written. */
    private static Path finishedRecording() {
        try (Stream<Path> files = Files.list(recordings)) {
            Path file = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElse(null);
            if (file == null || Files.size(file) < 44) {
                return null;
            }
            ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
            return header.getInt(40) > 0 && header.getInt(40) == Files.size(file) - 44 ? file : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Left and right channels of a 16-bit stereo WAV with a 44-byte header, checking it says 2 channels, 8 kHz. */
    private static short[][] stereo(byte[] wav) {
        ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, buffer.getShort(22), "two channels");
        assertEquals(8_000, buffer.getInt(24), "8 kHz, the call's rate");
        int frames = (wav.length - 44) / 4;
        short[][] channels = new short[2][frames];
        buffer.position(44);
        for (int i = 0; i < frames; i++) {
            channels[0][i] = buffer.getShort();
            channels[1][i] = buffer.getShort();
        }
        return channels;
    }
}
