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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hold and dead media on the echo agent, with a 3 s inactivity timeout: a call held for two minutes (re-INVITE
 * with {@code a=sendonly}, no RTP at all) is not ended, and resumes with audio both ways; a call whose RTP simply
 * stops is ended with our BYE once the timeout passes.
 */
class HoldIT {

    private static final String CONFIG = """
            sip:
              listen: 127.0.0.1:${SIP_PORT}
            media:
              address: 127.0.0.1
              bind: 127.0.0.1
              rtp_ports: ${RTP_PORTS}
              inactivity_timeout: 3s
            admin:
              listen: 127.0.0.1:0
            providers:
              local: { type: local }
            agents:
              echo: { provider: local, mode: echo }
            numbers:
              "600": echo
            """;

    private static TestServer server;
    private static short[] hello;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(CONFIG, 31_200);
        hello = Audio.wav("/audio/hello-8k.wav");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCallHeldForTwoMinutesResumesWithAudioBothWays() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "0 101"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());
            echoes(rtp);

            SipText held = call.reInvite(OutgoingCall.offer(rtp.port(), "0 101", "sendonly"));
            assertEquals(200, held.status());
            assertTrue(held.body().contains("a=recvonly"), "we answer a hold with recvonly: " + held.body());
            assertTrue(phone.nothingArrives(m -> !m.isResponse() && "BYE".equals(m.method()), Duration.ofMinutes(2)),
                    "no BYE during two minutes of hold, however long past the inactivity timeout");

            SipText resumed = call.reInvite(OutgoingCall.offer(rtp.port(), "0 101"));
            assertEquals(200, resumed.status());
            assertTrue(resumed.body().contains("a=sendrecv"), resumed.body());
            echoes(rtp);
            assertEquals(200, call.bye().status());
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
    }

    @Test
    void aCallWhoseMediaStopsDeadIsEndedWithBye() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "0"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());
            rtp.send(Audio.silence(400), G711.MU_LAW).get(5, TimeUnit.SECONDS);
            long lastSent = System.nanoTime();

            call.awaitByeFromServer(Duration.ofSeconds(10));
            long afterMillis = (System.nanoTime() - lastSent) / 1_000_000;
            assertTrue(afterMillis >= 2_900, "BYE only after the 3 s timeout: " + afterMillis + " ms");
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
    }

    /**
     * Says hello and hears it echoed back, sending silence meanwhile as a phone does (a phone that sends nothing
     * while it listens would be taken for dead).
     */
    private static void echoes(RtpPeer rtp) throws Exception {
        int before = rtp.received().size();
        rtp.send(Audio.concat(hello, Audio.silence(4_000)), G711.MU_LAW).get(15, TimeUnit.SECONDS);
        Eventually.await(() -> rtp.received().size() - before >= hello.length / 160, Duration.ofSeconds(5),
                () -> "the echo comes back");
        short[] heard = rtp.receivedAudio(G711.MU_LAW);
        Audio.Match match = Audio.bestMatch(hello, java.util.Arrays.copyOfRange(heard, before * 160, heard.length));
        assertTrue(match.correlation() > 0.9, "the caller hears the echo: " + match);
    }
}
