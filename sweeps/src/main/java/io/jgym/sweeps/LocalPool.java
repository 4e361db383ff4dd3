package io.jgym.sweeps;

import io.jgym.runs.process.ChildJvm;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: {@code workers} threads in the coordinator, each training one run at a time in
 * a child JVM like this one. Nothing to set up; one worker per core is the default.
 */
public final class LocalPool implements SweepEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPool.class);
    private static final Duration SIGNAL_WAIT = Duration.ofSeconds(30);

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

    /**
     * Interrupts the workers: each asks its run to stop with a checkpoint (SIGTERM) and waits no longer.
     * Returns once every worker has sent its signal, so a coordinator closing on its own way out
     * leaves no run training unasked.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(SIGNAL_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("a sweep worker did not stop within {}", SIGNAL_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
