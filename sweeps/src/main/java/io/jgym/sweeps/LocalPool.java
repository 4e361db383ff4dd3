package io.jgym.sweeps;

import io.jgym.runs.process.ChildJvm;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded engine: {@code workers} threads in the coordinator, each training one run at a time in
 * a child JVM like this one. Nothing to set up; one worker per core is the default.
 */
public final class LocalPool implements SweepEngine {
    private final int workers;
    private final ExecutorService pool;
    private final RunExecution execution;

    /** A pool of {@code workers} that starts children in {@code jvm}. */
    public LocalPool(int workers, ChildJvm jvm) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        this.workers = workers;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, task -> new Thread(task, "sweep-worker-" + count.incrementAndGet()));
        this.execution = new RunExecution(jvm);
    }

    @Override
    public CompletableFuture<RunResult> submit(RunRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return execution.execute(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException("the sweep was stopped before " + request.name() + " ended", e);
            }
        }, pool);
    }

    @Override
    public String describe() {
        return "a local pool of " + workers + " worker" + (workers == 1 ? "" : "s");
    }

    /** Interrupts the workers: each asks its run to stop with a checkpoint and waits no longer. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
