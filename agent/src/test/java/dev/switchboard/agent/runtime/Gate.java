package dev.switchboard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A point where a tool (or guardrail) blocks until the test opens it. It tells the test that the body got there and
 * whether its thread was interrupted while waiting.
 */
final class Gate {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);

    /** Blocks until opened; an interruption is recorded and rethrown, as a well-behaved tool does. */
    void pass() throws InterruptedException {
        entered.countDown();
        try {
            if (!opened.await(Timeline.WAIT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the gate was never opened");
            }
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }

    /** Blocks until opened, recording but otherwise ignoring an interruption, as a badly behaved tool does. */
    void passIgnoringInterruption() {
        entered.countDown();
        while (true) {
            try {
                opened.await(Timeline.WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
                return;
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }
    }

    void open() {
        opened.countDown();
    }

    void awaitEntered() throws InterruptedException {
        assertTrue(entered.await(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS), "nothing reached the gate");
    }

    void awaitInterrupted() throws InterruptedException {
        assertTrue(interrupted.await(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS),
                "the thread at the gate was not interrupted");
    }
}
