package io.jgym.sweeps;

import java.util.concurrent.CompletableFuture;

/**
 * Runs a sweep's runs: {@link LocalPool} in worker threads of the coordinator, {@link ClusterEngine} on
 * the members of a Hazelcast cluster. Either way each run trains in its own child JVM through
 * {@link RunExecution}, and its result comes back to the coordinator.
 */
public interface SweepEngine extends AutoCloseable {

    /** Starts {@code request}'s run when a worker is free; completes with its result. */
    CompletableFuture<RunResult> submit(RunRequest request);

    /** One line for the log and the report: where the runs go. */
    String describe();

    /** Stops what has not finished (runs checkpoint and can be resumed) and releases the engine. */
    @Override
    void close();
}
