package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.gemini.FakeGeminiServer;
import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PCMU call to a Gemini Live agent: the caller's 8 kHz μ-law reaches Gemini as 16 kHz PCM (its only input rate,
 * realtime-protocols §6.3), and Gemini's 24 kHz reply reaches the caller resampled to 8 kHz, at the right pitch
 * and length. Tones make both checks exact: a rate mistake shows as a wrong frequency or duration.
 */
class GeminiCallIT {

    private static final String API_KEY = "AIzaTestKeyForTheFakeServer";
    private static final String MODEL = "gemini-live-2.5-flash-preview";
    private static final String CONFIG = TestServer.LOOPBACK + """
            providers:
              gemini: { type: gemini, api_key: "%s", model: %s, base_url: "${GEMINI}" }
            agents:
              concierge:
                provider: gemini
                instructions: "You are the hotel concierge."
                voice: Puck
            numbers:
              "950": concierge
            """.formatted(API_KEY, MODEL);

    private static FakeGeminiServer gemini;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        gemini = new FakeGeminiServer(API_KEY, "models/" + MODEL);
        server = TestServer.start(CONFIG, 31_100, Map.of("GEMINI", gemini.uri().toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
        gemini.close();
    }

    @Test
    void callerAudioGoesUpAt16kHzAndTheReplyComesDownResampledTo8kHz() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("950", OutgoingCall.offer(rtp.port(), "0"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());
            FakeGeminiServer.Peer peer = gemini.nextPeer();
            JsonNode setup = peer.setup();
            assertEquals("Puck", setup.at("/generationConfig/speechConfig/voiceConfig/prebuiltVoiceConfig/voiceName")
                    .asText(), setup.toString());

            rtp.send(tone(440, 8_000, 1_000), G711.MU_LAW).get();
            short[] up = upstream(peer, 16_000);
            assertEquals(440, frequency(up, 16_000, loudest(up, 16_000 / 2)), 10, "the caller's tone, at 16 kHz");

            peer.playTurn(new FakeGeminiServer.Turn(littleEndian(tone(1_000, 24_000, 1_000)), "One moment."));
            Eventually.await(() -> rtp.received().size() >= 45, Duration.ofSeconds(5), () -> "the reply is heard");
            short[] heard = decode(rtp.received());
            assertEquals(1_000, frequency(heard, 8_000, loudest(heard, 8_000 / 2)), 15, "the reply's pitch at 8 kHz");
            int voiced = voicedSamples(heard);
            assertEquals(8_000, voiced, 800, "one second of reply is one second on the phone: " + voiced + " samples");
            call.bye();
        }
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
    }

    /** Reads {@code realtimeInput} audio until a second of it has arrived, checking every chunk's declared rate. */
    private static short[] upstream(FakeGeminiServer.Peer peer, int rate) throws InterruptedException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        while (pcm.size() < 2 * rate) {
            JsonNode audio = peer.nextMessageWith("realtimeInput").path("realtimeInput").path("audio");
            if (audio.isMissingNode()) {
                continue;
            }
            assertEquals("audio/pcm;rate=" + rate, audio.path("mimeType").asText());
            pcm.writeBytes(Base64.getDecoder().decode(audio.path("data").asText()));
        }
        ByteBuffer bytes = ByteBuffer.wrap(pcm.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        return samples;
    }

    private static short[] tone(double hz, int rate, int millis) {
        short[] pcm = new short[rate * millis / 1_000];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8_000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return pcm;
    }

    private static byte[] littleEndian(short[] pcm) {
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm);
        return bytes.array();
    }

    private static short[] decode(List<RtpPeer.Packet> packets) {
        short[] pcm = new short[packets.size() * 160];
        int at = 0;
        for (RtpPeer.Packet packet : packets) {
            G711.MU_LAW.decode(packet.payload(), 0, packet.payload().length, pcm, at);
            at += packet.payload().length;
        }
        return java.util.Arrays.copyOf(pcm, at);
    }

    /** Where the loudest window of {@code length} samples starts: the middle of the tone, away from silence. */
    private static int[] loudest(short[] pcm, int length) {
        int best = 0;
        double bestEnergy = -1;
        for (int from = 0; from + length <= pcm.length; from += length / 8) {
            double energy = 0;
            for (int i = from; i < from + length; i++) {
                energy += (double) pcm[i] * pcm[i];
            }
            if (energy > bestEnergy) {
                bestEnergy = energy;
                best = from;
            }
        }
        return new int[] {best, Math.min(pcm.length, best + length)};
    }

    /** Frequency from rising zero crossings over {@code window}: exact enough for a clean tone. */
    private static double frequency(short[] pcm, int rate, int[] window) {
        int crossings = 0;
        for (int i = window[0] + 1; i < window[1]; i++) {
            if (pcm[i - 1] < 0 && pcm[i] >= 0) {
                crossings++;
            }
        }
        return crossings * (double) rate / (window[1] - window[0]);
    }

    /** Samples in 10 ms blocks loud enough to be the tone rather than silence or comfort noise. */
    private static int voicedSamples(short[] pcm) {
        int voiced = 0;
        for (int from = 0; from + 80 <= pcm.length; from += 80) {
            double energy = 0;
            for (int i = from; i < from + 80; i++) {
                energy += (double) pcm[i] * pcm[i];
            }
            if (Math.sqrt(energy / 80) > 1_000) {
                voiced += 80;
            }
        }
        return voiced;
    }
}
