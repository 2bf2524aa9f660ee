package dev.switchboard.agent.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Everything the agent did, in order: the commands it sent to its session and the calls it made on its host. Written
 * on the event loop, read by the test thread, which waits for entries on a queue that every record wakes.
 */
final class Timeline {

    static final Duration WAIT = Duration.ofSeconds(5);

    /** The agent touched its session or host from a thread other than the call's event loop. */
    record OffLoop(String what, String thread) {}

    private final List<Object> entries = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();

    void record(Object entry) {
        entries.add(entry);
        arrivals.add(entry);
    }

    List<Object> all() {
        return List.copyOf(entries);
    }

    <T> List<T> of(Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The position of exactly this entry (by identity), or -1. */
    int indexOf(Object entry) {
        List<Object> snapshot = all();
        for (int i = 0; i < snapshot.size(); i++) {
            if (snapshot.get(i) == entry) {
                return i;
            }
        }
        return -1;
    }

    /** Waits for the first entry of {@code type} that matches {@code condition}. */
    <T> T await(Class<T> type, Predicate<? super T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<T> found = of(type).stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no matching " + type.getSimpleName() + " within " + WAIT + "; recorded: " + entries);
            }
            arrivals.poll(left, TimeUnit.NANOSECONDS);
        }
    }

    <T> T await(Class<T> type) throws InterruptedException {
        return await(type, entry -> true);
    }
}
