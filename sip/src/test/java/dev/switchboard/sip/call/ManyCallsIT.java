package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hundred calls in a row leave nothing behind: every RTP port is free again, the thread count is back where
 * it was, and the heap has not grown. The port range holds only 50 pairs, so a leaked port fails the run early.
 */
class ManyCallsIT {

    private static final int CALLS = 100;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startEcho(30_400);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHundredCallsLeakNoPortsThreadsOrMemory() throws Exception {
        for (int i = 0; i < 5; i++) {
            oneCall();
        }
        awaitIdle();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = usedHeapAfterGc();

        for (int i = 0; i < CALLS; i++) {
            oneCall();
        }
        awaitIdle();

        assertEquals(server.server().media().portCapacity(), server.server().media().availablePorts(),
                "every RTP port released");
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue(threadsAfter <= threadsBefore + 4, "threads: " + threadsBefore + " before, " + threadsAfter
                + " after " + CALLS + " calls");
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        assertTrue(heapGrowth < 16 * 1024 * 1024, "heap grew by " + heapGrowth / 1024 + " KiB over " + CALLS
                + " calls");
        System.out.printf("%d calls: threads %d -> %d, heap growth %d KiB%n", CALLS, threadsBefore, threadsAfter,
                heapGrowth / 1024);
    }

    private static void oneCall() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(rtp.port(), "0"));
            assertEquals(200, call.awaitFinal().status());
            call.ack();
            rtp.remote(call.serverRtp());
            rtp.send(Audio.silence(100), G711.MU_LAW).get(5, TimeUnit.SECONDS);
            assertEquals(200, call.bye().status());
        }
    }

    private static void awaitIdle() {
        Eventually.await(() -> server.server().calls().size() == 0
                        && server.server().media().openSessions() == 0, Duration.ofSeconds(10),
                () -> server.server().calls().size() + " calls, " + server.server().media().openSessions()
                        + " media sessions still open");
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
