package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Talking over the agent stops it: the caller's new speech is detected by the engine's VAD, the bridge flushes
 * the playout buffer, and the echo stops reaching the caller within half a second of speech onset.
 */
class BargeInIT {

    private static TestServer server;
    private static short[] hello;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startEcho(30_200);
        hello = Audio.wav("/audio/hello-8k.wav");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void talkingOverTheEchoStopsItWithinHalfASecond() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "8"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());

            rtp.send(Audio.concat(hello, Audio.silence(600)), G711.A_LAW).get(10, TimeUnit.SECONDS);
            rtp.awaitPackets(25, Duration.ofSeconds(5)); // half a second of the echo has reached us
            long onset = System.nanoTime();
            rtp.send(Audio.concat(hello, Audio.silence(200)), G711.A_LAW).get(10, TimeUnit.SECONDS);

            List<RtpPeer.Packet> packets = rtp.received();
            long lastOfFirstEcho = packets.get(0).arrivalNanos();
            for (int i = 1; i < packets.size() && !packets.get(i).marker(); i++) {
                lastOfFirstEcho = packets.get(i).arrivalNanos();
            }
            double stoppedAfterMillis = (lastOfFirstEcho - onset) / 1e6;
            assertTrue(stoppedAfterMillis < 500,
                    "the echo stopped " + stoppedAfterMillis + " ms after the caller started talking over it");
            int firstEchoPackets = (int) packets.stream().takeWhile(p -> p.arrivalNanos() <= onset + 500_000_000L)
                    .count();
            assertTrue(firstEchoPackets < hello.length / 160,
                    "the interrupted echo was cut short: " + firstEchoPackets + " packets");
            assertEquals(200, call.bye().status());
        }
    }
}
