package dev.switchboard.sip.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends RTP through a simulated bad network: each packet is delayed by a random jitter, some are held back past
 * the next (reordered) and some never sent (lost), all from a seed so a run can be repeated. Sequence numbers and
 * timestamps are what the sender stamped, in order, as a phone would.
 *
 * @param lossPercent    packets never sent
 * @param reorderPercent packets sent after the one that follows them
 * @param jitterMillis   the most any packet is delayed beyond its 20 ms slot (uniformly 0..this)
 */
public record ImpairedNetwork(double lossPercent, double reorderPercent, int jitterMillis, long seed) {

    /** What the network did to a run. */
    public record Report(int sent, int lost, int reordered) {}

    /** Sends each payload as one packet of {@code payloadType} over {@code rtp}; completes after the last. */
    public CompletableFuture<Report> send(RtpPeer rtp, int payloadType, List<byte[]> payloads) {
        Random random = new Random(seed);
        List<long[]> schedule = new ArrayList<>();
        int lost = 0;
        int reordered = 0;
        for (int i = 0; i < payloads.size(); i++) {
            if (random.nextDouble() * 100 < lossPercent) {
                lost++;
                continue;
            }
            long at = 20L * i + random.nextInt(jitterMillis + 1);
            if (random.nextDouble() * 100 < reorderPercent) {
                at += 25 + random.nextInt(10);
                reordered++;
            }
            schedule.add(new long[] {at, i});
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Report> done = new CompletableFuture<>();
        Report report = new Report(schedule.size(), lost, reordered);
        long last = schedule.stream().mapToLong(s -> s[0]).max().orElse(0);
        for (long[] slot : schedule) {
            int index = (int) slot[1];
            clock.schedule(() -> rtp.sendPacket(payloadType, payloads.get(index), index == 0, 1000 + index,
                    50_000L + 160L * index), slot[0], TimeUnit.MILLISECONDS);
        }
        clock.schedule(() -> done.complete(report), last + 5, TimeUnit.MILLISECONDS);
        done.whenComplete((r, e) -> clock.shutdown());
        return done;
    }
}
