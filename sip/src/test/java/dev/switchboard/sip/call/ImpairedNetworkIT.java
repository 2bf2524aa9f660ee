package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.openai.FakeOpenAiProvider;
import dev.switchboard.agent.openai.FakeOpenAiProvider.Connection;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.ImpairedNetwork;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The caller's voice through a bad network: 5% of packets reordered, 3% lost, up to 30 ms of jitter. What reaches
 * the agent (a fake provider taking 24 kHz PCM, so nothing passes through untouched) must be continuous — the
 * jitter buffer puts packets back in order and the pitch concealment fills each loss, so no gap is longer than one
 * frame — and must correlate with the clean signal at 0.9 or better. For speech, whose pauses the jitter buffer
 * may shorten or stretch as it adapts its delay, the correlation is taken over 200 ms windows.
 */
class ImpairedNetworkIT {

    private static final String CONFIG = TestServer.LOOPBACK + """
            providers:
              openai: { type: openai, api_key: "sk-test-network", base_url: "${PROVIDER}" }
            agents:
              listener: { provider: openai, audio: pcm }
            numbers:
              "960": listener
            """;
    private static final ImpairedNetwork BAD_NETWORK = new ImpairedNetwork(3, 5, 30, 42);

    private static FakeOpenAiProvider provider;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeOpenAiProvider();
        server = TestServer.start(CONFIG, 31_300, Map.of("PROVIDER", provider.baseUrl()));
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    @Test
    void aVoiceThroughLossReorderAndJitterArrivesContinuousAndFaithful() throws Exception {
        short[] voice = voicedSignal(4_000);
        short[] heard = callAndListen(voice);
        Audio.Match match = Audio.bestMatch(voice, heard);
        assertTrue(match.correlation() >= 0.9, "the agent hears the voice: " + match);
        int longestGap = longestQuietRun(heard, match.offset() + 160, match.offset() + voice.length - 160);
        assertTrue(longestGap <= 160, "no gap longer than one frame: " + longestGap + " samples");
    }

    @Test
    void speechThroughTheSameNetworkStaysIntelligible() throws Exception {
        short[] hello = Audio.wav("/audio/hello-8k.wav");
        short[] heard = callAndListen(hello);
        double correlation = Audio.windowedCorrelation(hello, heard);
        assertTrue(correlation >= 0.9, "the agent hears the speech: correlation " + correlation
                + " (200 ms windows; whole: " + Audio.bestMatch(hello, heard) + ")");
    }

    /** Calls, sends {@code signal} through the bad network and returns what the agent heard, at 8 kHz. */
    private static short[] callAndListen(short[] signal) throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("960", OutgoingCall.offer(rtp.port(), "0"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());
            Connection connection = provider.nextConnection();
            connection.await("session.update");

            short[] padded = Audio.concat(Audio.silence(200), signal, Audio.silence(600));
            ImpairedNetwork.Report report = BAD_NETWORK.send(rtp, 0, frames(padded)).get();
            assertTrue(report.lost() > 0 && report.reordered() > 0, "the network did its damage: " + report);
            int wanted = padded.length * 3 * 2;
            Eventually.await(() -> connection.appendedAudio().length >= wanted, Duration.ofSeconds(5),
                    () -> "the agent heard the whole signal");
            assertEquals(200, call.bye().status());
            return to8k(connection.appendedAudio());
        } finally {
            Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
        }
    }

    /**
     * A voice-like signal with no pauses: harmonics of a 140 Hz fundamental whose pitch and loudness drift, so every
     * lost frame would show as a gap and every misplaced one as a discontinuity.
     */
    private static short[] voicedSignal(int millis) {
        short[] pcm = new short[millis * 8];
        double phase = 0;
        for (int n = 0; n < pcm.length; n++) {
            double t = n / 8000.0;
            phase += 2 * Math.PI * (140 + 20 * Math.sin(2 * Math.PI * 0.7 * t)) / 8000;
            double value = 0;
            for (int h = 1; h <= 6; h++) {
                value += Math.sin(h * phase) / h;
            }
            pcm[n] = (short) (4_000 * (1.2 + 0.4 * Math.sin(2 * Math.PI * 1.3 * t)) * value);
        }
        return pcm;
    }

    private static List<byte[]> frames(short[] pcm) {
        List<byte[]> frames = new ArrayList<>();
        for (int at = 0; at + 160 <= pcm.length; at += 160) {
            byte[] frame = new byte[160];
            G711.MU_LAW.encode(pcm, at, 160, frame, 0);
            frames.add(frame);
        }
        return frames;
    }

    private static short[] to8k(byte[] pcm24k) {
        short[] samples = new short[pcm24k.length / 2];
        ByteBuffer.wrap(pcm24k).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        Resampler down = Resampler.create(24_000, 8_000);
        short[] out = new short[down.maxOutputLength(samples.length)];
        return java.util.Arrays.copyOf(out, down.process(samples, 0, samples.length, out, 0));
    }

    /** The longest run of near-silent samples (|x| < 100, about -50 dBFS) within {@code [from, to)}. */
    private static int longestQuietRun(short[] pcm, int from, int to) {
        int longest = 0;
        int run = 0;
        for (int i = Math.max(0, from); i < Math.min(pcm.length, to); i++) {
            run = Math.abs(pcm[i]) < 100 ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
