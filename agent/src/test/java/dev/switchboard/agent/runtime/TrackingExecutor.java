package dev.switchboard.agent.runtime;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A virtual-thread-per-task executor that knows when every task it was given has finished, so a test can wait for
 * background work (tools, guardrail checks) to end instead of sleeping. Tasks are run through
 * {@link AbstractExecutorService}'s futures, so {@code cancel(true)} interrupts the virtual thread as usual.
 */
final class TrackingExecutor extends AbstractExecutorService {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<CompletableFuture<Void>> tasks = new CopyOnWriteArrayList<>();

    @Override
    public void execute(Runnable command) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        tasks.add(finished);
        try {
            threads.execute(() -> {
                try {
                    command.run();
                } finally {
                    finished.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            finished.complete(null);
            throw e;
        }
    }

    int submitted() {
        return tasks.size();
    }

    /** Waits until every task submitted so far has returned (or thrown). */
    void awaitIdle() throws Exception {
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new))
                .get(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return threads.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return threads.awaitTermination(timeout, unit);
    }
}
