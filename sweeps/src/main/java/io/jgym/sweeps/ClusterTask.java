package io.jgym.sweeps;

import io.jgym.runs.process.ChildJvm;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One sweep run as a task of Hazelcast's durable executor: serialized to the member that owns the
 * run's name, which trains it in a child JVM like its own. Hazelcast runs the task again on another
 * member when the member running it dies (and, when partitions migrate, sometimes while the first copy
 * still runs); {@link RunExecution} makes that safe by resuming or waiting on the run's folder.
 */
final class ClusterTask implements Callable<RunResult>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final RunRequest request;

    ClusterTask(RunRequest request) {
        this.request = request;
    }

    @Override
    public RunResult call() throws InterruptedException {
        return new RunExecution(ChildJvm.likeThisOne()).execute(request);
    }
}
