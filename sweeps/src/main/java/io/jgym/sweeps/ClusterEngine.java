package io.jgym.sweeps;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale-out engine: the coordinator joins a Hazelcast cluster of {@code ./jgym worker} members as
 * a client and submits each run to the durable executor, keyed by the run's name. The executor keeps
 * every task on its partition's owner and a backup; when a member dies, the backup takes over and
 * runs its tasks again, so the coordinator asks for each result by task id until it comes, whichever
 * member produces it.
 */
public final class ClusterEngine implements SweepEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEngine.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final HazelcastInstance client;
    private final DurableExecutorService executor;
    private final ExecutorService waiting = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "sweep-result");
        thread.setDaemon(true);
        return thread;
    });
    private final String cluster;

    private ClusterEngine(HazelcastInstance client, String cluster) {
        this.client = client;
        this.executor = client.getDurableExecutorService(ClusterMember.EXECUTOR);
        this.cluster = cluster;
    }

    /**
     * Connects to {@code cluster} through any of {@code members} (host:port).
     *
     * @throws IllegalArgumentException if no member answers within 30 seconds
     */
    public static ClusterEngine connect(String cluster, List<String> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("--cluster needs --members host:port,... of at least one worker");
        }
        ClientConfig config = new ClientConfig().setClusterName(cluster).setProperty("hazelcast.phone.home.enabled", "false")
                .setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setAddresses(members);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(CONNECT_TIMEOUT.toMillis());
        try {
            return new ClusterEngine(HazelcastClient.newHazelcastClient(config), cluster);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("no worker of cluster '" + cluster + "' answered at " + String.join(",", members)
                    + " within " + CONNECT_TIMEOUT.toSeconds() + " s; start them with ./jgym worker --cluster " + cluster, e);
        }
    }

    @Override
    public CompletableFuture<RunResult> submit(RunRequest request) {
        long taskId = executor.submitToKeyOwner(new ClusterTask(request), request.name()).getTaskId();
        return CompletableFuture.supplyAsync(() -> await(request, taskId), waiting);
    }

    /**
     * The task's result, asked for again whenever the member holding it leaves before answering; it is
     * disposed of only once read, so a reply lost with a member is not lost for good.
     */
    private RunResult await(RunRequest request, long taskId) {
        while (true) {
            try {
                RunResult result = executor.<RunResult>retrieveResult(taskId).get();
                executor.disposeResult(taskId);
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException("the sweep was stopped before " + request.name() + " ended", e);
            } catch (ExecutionException e) {
                if (!memberLoss(e.getCause())) {
                    throw new CompletionException(e.getCause());
                }
                LOG.warn("a worker left while running {} ({}); waiting for the member that takes it over", request.name(),
                        e.getCause().getClass().getSimpleName());
            } catch (RuntimeException e) {
                if (!memberLoss(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean memberLoss(Throwable e) {
        return e instanceof MemberLeftException || e instanceof RetryableException;
    }

    @Override
    public String describe() {
        return "cluster '" + cluster + "' of " + client.getCluster().getMembers().size() + " worker(s)";
    }

    /** Leaves the cluster; the workers finish the runs they hold and keep their results. */
    @Override
    public void close() {
        waiting.shutdownNow();
        client.shutdown();
    }
}
