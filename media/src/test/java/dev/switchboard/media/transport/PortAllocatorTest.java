package dev.switchboard.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortAllocatorTest {

    @Test
    void handsOutEveryEvenPortOfTheRangeInOrder() {
        PortAllocator ports = new PortAllocator(10_000, 10_009);

        assertEquals(List.of(10_000, 10_002, 10_004, 10_006, 10_008), drain(ports));
    }

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({
        "10001, 10009, 4, 10002, 10008", // odd first rounds up
        "10000, 10008, 4, 10000, 10006", // 10008 has no odd partner inside the range
        "10001, 10008, 3, 10002, 10006",
        "10000, 10001, 1, 10000, 10000",
        "10001, 10003, 1, 10002, 10002"})
    void keepsOnlyEvenPortsWhoseOddPartnerIsInTheRange(int first, int last, int pairs, int lowest, int highest) {
        PortAllocator ports = new PortAllocator(first, last);
        List<Integer> handedOut = drain(ports);

        assertEquals(pairs, ports.capacity());
        assertEquals(pairs, handedOut.size());
        assertEquals(lowest, handedOut.get(0));
        assertEquals(highest, handedOut.get(handedOut.size() - 1));
        for (int port : handedOut) {
            assertEquals(0, port % 2, port + " is odd");
            assertTrue(port >= first && port + 1 <= last, port + "/" + (port + 1) + " outside " + first + "-" + last);
        }
    }

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({"10000, 10000", "10001, 10002", "10001, 10001", "10010, 10000"})
    void rejectsARangeWithoutAnyPair(int first, int last) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PortAllocator(first, last));

        assertTrue(e.getMessage().contains(first + "-" + last), e.getMessage());
    }

    @Test
    void runsDryWhenEveryPairIsInUse() {
        PortAllocator ports = new PortAllocator(20_000, 20_003);
        ports.allocate();
        ports.allocate();

        assertEquals(OptionalInt.empty(), ports.allocate());
        assertEquals(0, ports.available());
        assertEquals(2, ports.capacity());
    }

    @Test
    void availableCountsAllocationsAndReleases() {
        PortAllocator ports = new PortAllocator(20_000, 20_009);
        assertEquals(5, ports.available());

        int a = ports.allocate().getAsInt();
        int b = ports.allocate().getAsInt();
        assertEquals(3, ports.available());

        ports.release(a);
        assertEquals(4, ports.available());
        ports.release(b);
        assertEquals(5, ports.available());
        assertEquals(5, ports.capacity());
    }

    @Test
    void aReleasedPortGoesToTheBackOfTheQueue() {
        PortAllocator ports = new PortAllocator(20_000, 20_007);
        int first = ports.allocate().getAsInt();
        ports.release(first);

        assertEquals(List.of(20_002, 20_004, 20_006, first), drain(ports));
    }

    @Test
    void releasedPortsComeBackInReleaseOrder() {
        PortAllocator ports = new PortAllocator(20_000, 20_005);
        List<Integer> all = drain(ports);
        ports.release(all.get(2));
        ports.release(all.get(0));
        ports.release(all.get(1));

        assertEquals(List.of(all.get(2), all.get(0), all.get(1)), drain(ports));
    }

    @Test
    void concurrentCallersNeverShareAPort() throws Exception {
        int threads = 4;
        int rounds = 5_000;
        PortAllocator ports = new PortAllocator(30_000, 30_015);
        Set<Integer> inUse = ConcurrentHashMap.newKeySet();
        AtomicInteger doubleHandOuts = new AtomicInteger();
        AtomicInteger allocations = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                        OptionalInt port = ports.allocate();
                        if (port.isPresent()) {
                            allocations.incrementAndGet();
                            if (!inUse.add(port.getAsInt())) {
                                doubleHandOuts.incrementAndGet();
                            }
                            inUse.remove(port.getAsInt());
                            ports.release(port.getAsInt());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, doubleHandOuts.get(), "ports handed out twice at once");
        assertTrue(allocations.get() > 0);
        assertEquals(8, ports.available());
        List<Integer> left = drain(ports);
        assertEquals(8, left.size());
        assertEquals(8, new HashSet<>(left).size(), "each port is in the queue exactly once: " + left);
    }

    @Test
    void concurrentCallersHoldingPortsNeverExceedTheCapacity() throws Exception {
        int threads = 4;
        PortAllocator ports = new PortAllocator(30_000, 30_005);
        Set<Integer> held = ConcurrentHashMap.newKeySet();
        AtomicInteger doubleHandOuts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        OptionalInt port = ports.allocate();
                        port.ifPresent(p -> {
                            mine.add(p);
                            if (!held.add(p)) {
                                doubleHandOuts.incrementAndGet();
                            }
                        });
                        if (port.isEmpty() || mine.size() == 2) {
                            for (int p : mine) {
                                held.remove(p);
                                ports.release(p);
                            }
                            mine.clear();
                        }
                    }
                    for (int p : mine) {
                        held.remove(p);
                        ports.release(p);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, doubleHandOuts.get(), "ports handed out twice at once");
        assertEquals(3, ports.available());
        List<Integer> left = drain(ports);
        assertEquals(3, left.size());
        assertEquals(Set.of(30_000, 30_002, 30_004), new HashSet<>(left));
    }

    private static List<Integer> drain(PortAllocator ports) {
        List<Integer> handedOut = new ArrayList<>();
        for (OptionalInt port = ports.allocate(); port.isPresent(); port = ports.allocate()) {
            handedOut.add(port.getAsInt());
        }
        return handedOut;
    }
}
