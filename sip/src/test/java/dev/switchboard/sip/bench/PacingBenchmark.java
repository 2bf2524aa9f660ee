package dev.switchboard.sip.bench;

import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How evenly the server paces outbound RTP: N concurrent echo calls on loopback, each speaking the test clip
 * and measuring the gaps between the echo's packets as they arrive. Prints the distribution of gaps over all
 * calls (ideal: every gap 20 ms). Run with {@code deploy/bench/pacing.sh [CALLS] [ROUNDS]}.
 */
public final class PacingBenchmark {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        short[] hello = Audio.wav("/audio/hello-8k.wav");
        try (TestServer server = TestServer.startEcho(32_000)) {
            oneRound(server, 2, hello); // warm-up
            List<Double> gaps = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                gaps.addAll(oneRound(server, calls, hello));
            }
            report(calls, rounds, gaps);
        }
        System.exit(0);
    }

    private static List<Double> oneRound(TestServer server, int calls, short[] hello) throws Exception {
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<List<Double>>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            results.add(CompletableFuture.supplyAsync(() -> oneCall(server, hello), pool));
        }
        List<Double> gaps = new ArrayList<>();
        for (CompletableFuture<List<Double>> result : results) {
            gaps.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.close();
        return gaps;
    }

    private static List<Double> oneCall(TestServer server, short[] hello) {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "0"));
            call.awaitFinal();
            call.ack();
            rtp.remote(call.serverRtp());
            rtp.send(Audio.concat(hello, Audio.silence(1200)), G711.MU_LAW).get(20, TimeUnit.SECONDS);
            rtp.awaitTalkspurtEnd(hello.length / 160, Duration.ofMillis(400), Duration.ofSeconds(20));
            call.bye();
            List<RtpPeer.Packet> packets = rtp.received();
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < packets.size(); i++) {
                gaps.add((packets.get(i).arrivalNanos() - packets.get(i - 1).arrivalNanos()) / 1e6);
            }
            return gaps;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(int calls, int rounds, List<Double> gaps) {
        double[] sorted = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        double std = Math.sqrt(Arrays.stream(sorted).map(g -> (g - mean) * (g - mean)).average().orElse(0));
        System.out.printf("pacing: %d concurrent calls x %d rounds, %d gaps between echo packets%n",
                calls, rounds, sorted.length);
        System.out.printf("  mean %.2f ms, standard deviation %.2f ms%n", mean, std);
        System.out.printf("  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f ms%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
