package dev.switchboard.sip.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.Baresip;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * baresip, a softphone we did not write, calls the echo agent, speaks, and hears its own words come back.
 */
class BaresipInteropIT {

    private static TestServer server;
    private static short[] hello;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startEcho(30_500);
        hello = Audio.wav("/audio/hello-8k.wav");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PCMU/8000/1", "PCMA/8000/1", "G722/16000/1", "opus/48000/1"})
    void baresipHearsItsOwnSpeechEchoed(String codec, @TempDir Path dir) throws Exception {
        String target = "sip:600@127.0.0.1:" + server.sip().getPort();
        short[] speech = Audio.concat(Audio.silence(300), hello, Audio.silence(1000));
        try (Baresip phone = Baresip.dial(dir, target, speech, codec)) {
            phone.awaitEstablished(Duration.ofSeconds(15));
            // The recording starts at the echo's first packet, which carries the engine's 300 ms of prefix padding
            // (here the silence before "hello"): wait for all of it and the whole utterance.
            phone.awaitReceived(300 + hello.length / 8 + 300, Duration.ofSeconds(20));
            short[] heard = phone.hangUpAndRecording();
            Audio.Match match = Audio.bestMatch(hello, heard);
            System.out.printf("baresip %s: echo correlation %.4f%n", codec, match.correlation());
            assertTrue(match.correlation() > 0.9, "baresip heard its own speech back (" + codec + "): " + match);
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(10),
                () -> "baresip's BYE ended the call");
    }
}
