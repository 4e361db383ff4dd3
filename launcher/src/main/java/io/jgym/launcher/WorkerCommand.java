package io.jgym.launcher;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.jgym.sweeps.ClusterMember;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgym worker}: joins (or founds) a Hazelcast cluster whose members train the runs that
 * {@code jgym sweep --cluster} submits, each in a child JVM on this machine. Prints its address, then
 * serves until Ctrl-C or SIGTERM.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Serve as a sweep worker: a Hazelcast cluster member that trains sweep runs submitted with ./jgym sweep --cluster.",
                "Start one per machine; the runs dir should be on storage every worker shares for resumes from checkpoints. See docs/sweeps.md."})
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--cluster", required = true, description = "The cluster's name; sweeps and workers of one cluster use the same.")
    String cluster;

    @Option(names = "--members", split = ",", paramLabel = "HOST:PORT",
            description = "Other workers to join, comma-separated (none: this one founds the cluster).")
    List<String> members = List.of();

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = ClusterMember.DEFAULT_PORT;

    @Option(names = "--host", description = "The address to bind and announce, e.g. 127.0.0.1 or this machine's LAN address (default: Hazelcast's choice).")
    String host;

    @Option(names = "--workers", description = "Runs this machine trains at once (default: one per core, ${DEFAULT-VALUE} here).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        HazelcastInstance member = ClusterMember.start(cluster, members, port, Optional.ofNullable(host), workers);
        CountDownLatch left = new CountDownLatch(1);
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                left.countDown();
            }
        });
        spec.commandLine().getOut().printf("jgym worker: member %s of cluster %s, %d run(s) at a time; Ctrl-C to leave%n",
                ClusterMember.address(member), cluster, workers);
        spec.commandLine().getOut().flush();
        left.await();
        return 0;
    }
}
