package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.LogCapture;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.SpokenReference;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider that refuses the API key: the caller is answered anyway, hears the agent's fallback apology (spoken
 * by the offline voice, since no model can speak), and the call ends with our BYE. The log names the key that was
 * refused by where it is configured, and never shows it, even when the provider quotes it back.
 */
class FallbackIT {

    private static final String APOLOGY = "Sorry, we cannot take your call right now.";
    private static final String CONFIG = TestServer.LOOPBACK + """
            providers:
              openai: { type: openai, api_key: "sk-test-SECRETSECRET", base_url: "ws://127.0.0.1:${REFUSING}/v1" }
            agents:
              support:
                provider: openai
                fallback: { say: "%s" }
            numbers:
              "800": support
            """.formatted(APOLOGY);

    private static HttpServer refusing;
    private static TestServer server;
    private static SpokenReference voice;

    @BeforeAll
    static void start() throws Exception {
        refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        refusing.createContext("/", exchange -> {
            byte[] body = ("{\"error\":{\"message\":\"Incorrect API key provided: sk-test-SECRETSECRET.\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        server = TestServer.start(CONFIG, 30_900, Map.of("REFUSING", Integer.toString(refusing.getAddress().getPort())));
        voice = new SpokenReference();
    }

    @AfterAll
    static void stop() {
        server.close();
        refusing.stop(0);
        voice.close();
    }

    @Test
    void aRefusedKeyGetsTheCallerTheApologyAndThenBye() throws Exception {
        try (LogCapture log = new LogCapture();
                TestPhone phone = new TestPhone(server.sip());
                RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("800", OutgoingCall.offer(rtp.port(), "0"));
            assertEquals(200, call.awaitFinal().status(), "answered, to hear the fallback");
            call.ack();
            rtp.remote(call.serverRtp());

            call.awaitByeFromServer(Duration.ofSeconds(20));
            List<RtpPeer.Packet> packets = rtp.received();
            short[] heard = new short[packets.size() * 160];
            int at = 0;
            for (RtpPeer.Packet packet : packets) {
                G711.MU_LAW.decode(packet.payload(), 0, packet.payload().length, heard, at);
                at += packet.payload().length;
            }
            Audio.Match match = Audio.bestMatch(voice.speak(APOLOGY), java.util.Arrays.copyOf(heard, at));
            assertTrue(match.correlation() > 0.9, "the caller heard the whole apology before the BYE: " + match);

            String logged = log.text();
            assertTrue(logged.contains("refused the credentials")
                    && logged.contains("providers.openai.api_key"), "the log says which key was refused:\n" + logged);
            assertFalse(logged.contains("SECRETSECRET"), "the key never reaches the log:\n" + logged);
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
    }
}
