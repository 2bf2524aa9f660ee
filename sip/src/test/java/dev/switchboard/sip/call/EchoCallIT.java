package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.SipText;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole call over loopback: SIP over UDP to number 600, speech as RTP, the local engine's echo back as RTP.
 */
class EchoCallIT {

    private static TestServer server;
    private static short[] hello;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startEcho(30_000);
        hello = Audio.wav("/audio/hello-8k.wav");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void callerHearsTheirSpeechEchoedBack() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "0 8 101"));
            call.awaitStatus(180);
            SipText ok = call.awaitFinal();
            assertEquals(200, ok.status());
            assertTrue(ok.body().contains("a=rtpmap:0 PCMU/8000"), "PCMU chosen by offer order: " + ok.body());
            assertTrue(ok.body().contains("a=rtpmap:101 telephone-event/8000"), ok.body());
            call.ack();
            rtp.remote(call.serverRtp());

            short[] speech = Audio.concat(Audio.silence(400), hello, Audio.silence(1500));
            rtp.send(speech, G711.MU_LAW).get(10, java.util.concurrent.TimeUnit.SECONDS);
            rtp.awaitTalkspurtEnd(hello.length / 160, Duration.ofMillis(400), Duration.ofSeconds(10));

            Audio.Match match = Audio.bestMatch(hello, rtp.receivedAudio(G711.MU_LAW));
            assertTrue(match.correlation() > 0.9, "echo correlates with what was said: " + match);
            assertOneContinuousTalkspurt(rtp.received());

            assertEquals(200, call.bye().status());
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
        assertEquals(server.server().media().portCapacity(), server.server().media().availablePorts(),
                "the call's RTP port was released");
    }

    /** RFC 3550/3551: one SSRC, marker on the first packet only, consecutive sequence numbers and timestamps. */
    private static void assertOneContinuousTalkspurt(List<RtpPeer.Packet> packets) {
        RtpPeer.Packet first = packets.get(0);
        assertTrue(first.marker(), "marker bit starts the talkspurt");
        for (int i = 1; i < packets.size(); i++) {
            RtpPeer.Packet previous = packets.get(i - 1);
            RtpPeer.Packet packet = packets.get(i);
            assertEquals(first.ssrc(), packet.ssrc(), "one SSRC");
            assertEquals(0, packet.payloadType(), "PCMU");
            assertEquals((previous.sequence() + 1) & 0xFFFF, packet.sequence(), "consecutive sequence numbers");
            assertEquals((previous.timestamp() + 160) & 0xFFFFFFFFL, packet.timestamp(), "timestamps step 160");
            assertTrue(!packet.marker(), "no marker inside the talkspurt (packet " + i + ")");
        }
    }
}
