package io.jgym.launcher;

import io.jgym.runs.process.ChildJvm;
import io.jgym.sweeps.ClusterEngine;
import io.jgym.sweeps.LocalPool;
import io.jgym.sweeps.SweepEngine;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a sweep's runs train, for {@code sweep} and every {@code bench <trainer>}: a local pool of
 * {@code --workers} child JVMs, or the Hazelcast cluster {@code --cluster} reached through {@code --members}.
 */
final class EngineFlags {
    @Option(names = "--workers", description = "Runs trained at once by the local pool (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--cluster", description = "Submit the runs to the Hazelcast cluster of this name (started with ./jgym worker) instead.")
    String cluster;

    @Option(names = "--members", split = ",", paramLabel = "HOST:PORT",
            description = "With --cluster: addresses of one or more workers, comma-separated.")
    List<String> members = List.of();

    /** @param workers the default number of local workers */
    EngineFlags(int workers) {
        this.workers = workers;
    }

    /** The engine the flags choose. */
    SweepEngine open() {
        if (cluster == null && !members.isEmpty()) {
            throw new IllegalArgumentException("--members goes with --cluster NAME");
        }
        return cluster == null ? new LocalPool(workers, ChildJvm.likeThisOne()) : ClusterEngine.connect(cluster, members);
    }
}
