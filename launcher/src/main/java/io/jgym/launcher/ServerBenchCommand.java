package io.jgym.launcher;

import io.jgym.client.GymClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgym bench server}: starts a fresh server process (as a user would with {@code jgym serve}),
 * measures the time until it first answers, then drives CartPole steps over HTTP with one keep-alive
 * client and with several concurrent ones, and prints steps/s and latency percentiles.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Measure env-server start-up time and CartPole step throughput over HTTP.")
final class ServerBenchCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 2;

    @Option(names = "--env", description = "Environment to step (default: ${DEFAULT-VALUE}).")
    String envId = "CartPole-v1";

    @Option(names = "--steps", description = "Steps per client per measurement (default: ${DEFAULT-VALUE}).")
    int steps = 100_000;

    @Option(names = "--warmup-steps", description = "Steps per client before measuring (default: ${DEFAULT-VALUE}).")
    int warmupSteps = 50_000;

    @Option(names = "--clients", description = "Concurrent clients in the second measurement (default: ${DEFAULT-VALUE}).")
    int clients = 8;

    @Option(names = "--server", description = "Measure an already running server at this URL instead of starting one.")
    String server;

    @Option(names = "--seed", description = "Seed for the instances (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    /** What one client measured. */
    private record Run(long steps, double seconds, long[] latenciesNanos) {
    }

    @Override
    public Integer call() throws Exception {
        ServerProcess process = null;
        String url = server;
        double startupMillis = Double.NaN;
        if (url == null) {
            process = ServerProcess.start();
            url = process.url();
            startupMillis = process.awaitFirstAnswer(POLL_MILLIS) / 1e6;
            System.out.printf("server process answered after %.0f ms%n", startupMillis);
        }
        try {
            System.out.printf("warming up (%d steps)...%n", warmupSteps);
            measure(url, 1, warmupSteps);
            System.out.printf("1 client, %d steps...%n", steps);
            List<Run> single = measure(url, 1, steps);
            System.out.printf("%d clients, %d steps each...%n", clients, steps);
            List<Run> concurrent = measure(url, clients, steps);
            printTable(startupMillis, single, concurrent);
        } finally {
            if (process != null) {
                process.close();
            }
        }
        return 0;
    }

    private List<Run> measure(String url, int clientCount, int stepsPerClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        try {
            List<Future<Run>> futures = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                long clientSeed = seed + c;
                futures.add(pool.submit(() -> drive(url, clientSeed, stepsPerClient)));
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> f : futures) {
                runs.add(f.get());
            }
            return runs;
        } finally {
            pool.shutdown();
        }
    }

    /** Steps one instance with alternating actions, resetting when an episode ends. */
    private Run drive(String url, long clientSeed, int count) {
        try (GymClient client = new GymClient(url)) {
            String id = client.envCreate(envId, OptionalLong.of(clientSeed));
            client.envReset(id);
            long[] latencies = new long[count];
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                boolean done = client.envStep(id, (i & 1) == 0 ? "0" : "1", false).get("done").asBoolean();
                latencies[i] = System.nanoTime() - t;
                if (done) {
                    client.envReset(id);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            client.envClose(id);
            return new Run(count, seconds, latencies);
        }
    }

    private void printTable(double startupMillis, List<Run> single, List<Run> concurrent) {
        System.out.println();
        System.out.printf("| measurement | clients | steps | wall s | steps/s | p50 µs | p99 µs |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        row("one keep-alive client", single);
        row("concurrent keep-alive clients", concurrent);
        if (!Double.isNaN(startupMillis)) {
            System.out.printf("%nstart to first answer: %.0f ms (fresh JVM, `jgym serve`)%n", startupMillis);
        }
    }

    private static void row(String label, List<Run> runs) {
        long total = runs.stream().mapToLong(Run::steps).sum();
        double wall = runs.stream().mapToDouble(Run::seconds).max().orElse(0);
        long[] all = runs.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).sorted().toArray();
        System.out.printf("| %s | %d | %d | %.2f | %.0f | %.0f | %.0f |%n", label, runs.size(), total, wall,
                total / wall, all[all.length / 2] / 1e3, all[(int) (all.length * 0.99)] / 1e3);
    }
}
