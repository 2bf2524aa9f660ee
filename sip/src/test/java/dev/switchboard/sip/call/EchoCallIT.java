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
        warmUp();
    }

    /** One short call first, so the measured call runs on compiled code as a server in service does. */
    private static void warmUp() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "0"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());
            rtp.send(Audio.concat(hello, Audio.silence(800)), G711.MU_LAW).get(10, java.util.concurrent.TimeUnit.SECONDS);
            rtp.awaitPackets(50, Duration.ofSeconds(5));
            assertEquals(200, call.bye().status());
        }
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
            assertPacedInRealTime(rtp.received());

            assertEquals(200, call.bye().status());
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
        assertEquals(server.server().media().portCapacity(), server.server().media().availablePorts(),
                "the call's RTP port was released");
    }

    @Test
    void aDelayedOfferGetsOurOfferInThe200AndTheAnswerInTheAck() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", null);
            SipText ok = call.awaitFinal();
            assertEquals(200, ok.status());
            assertTrue(ok.body().contains("m=audio ") && ok.body().contains("a=rtpmap:0 PCMU/8000")
                    && ok.body().contains("a=rtpmap:8 PCMA/8000"), "our offer: " + ok.body());
            call.ack(OutgoingCall.offer(rtp.port(), "8"));
            rtp.remote(call.serverRtp());
            // Packets that overtake the ACK are dropped (the codec is only known from it): lead in with silence.
            rtp.send(Audio.concat(Audio.silence(300), hello, Audio.silence(1200)), G711.A_LAW).get(10, java.util.concurrent.TimeUnit.SECONDS);
            rtp.awaitTalkspurtEnd(hello.length / 160, Duration.ofMillis(400), Duration.ofSeconds(10));
            assertEquals(8, rtp.received().get(0).payloadType(), "PCMA, as the answer in the ACK chose");
            Audio.Match match = Audio.bestMatch(hello, rtp.receivedAudio(G711.A_LAW));
            assertTrue(match.correlation() > 0.9, "echo correlates with what was said: " + match + " in "
                    + rtp.received().size() + " packets");
            assertEquals(200, call.bye().status());
        }
    }

    /**
     * The echo is paced, not burst: its packets span the time they carry (20 ms each), give or take a scheduling
     * hiccup. How evenly they are spaced is a measurement, made by {@code deploy/bench/pacing.sh}.
     */
    private static void assertPacedInRealTime(List<RtpPeer.Packet> packets) {
        long spanMillis = (packets.getLast().arrivalNanos() - packets.getFirst().arrivalNanos()) / 1_000_000;
        long carriedMillis = 20L * (packets.size() - 1);
        assertTrue(spanMillis >= carriedMillis - 100 && spanMillis <= carriedMillis + 400,
                packets.size() + " packets carrying " + carriedMillis + " ms arrived over " + spanMillis + " ms");
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
