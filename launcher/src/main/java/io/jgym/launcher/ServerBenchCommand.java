package io.jgym.launcher;

import io.jgym.client.GymClient;
import io.jgym.client.GymServerException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Process process = null;
        String url = server;
        double startupMillis = Double.NaN;
        if (url == null) {
            int port = freePort();
            url = "http://127.0.0.1:" + port;
            long t0 = System.nanoTime();
            process = startServer(port);
            startupMillis = waitForFirstAnswer(url, process, t0) / 1e6;
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
                process.destroy();
                process.waitFor();
            }
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code jgym serve} as {@code ./jgym} would, with the class-data archive when it was built. */
    private static Process startServer(int port) throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path jar = Path.of(JgymCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path archive = jar.resolveSibling("jgym.jsa");
        if (Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JgymCommand.class.getName(),
                "serve", "--port", Integer.toString(port)));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Polls {@code GET /v1/envs/} every {@value #POLL_MILLIS} ms until it answers; returns nanoseconds
     * since {@code t0}. The pause keeps the poller from taking a core away from the starting server.
     */
    private static long waitForFirstAnswer(String url, Process process, long t0) throws InterruptedException {
        while (true) {
            try (GymClient client = new GymClient(url)) {
                client.envListAll();
                return System.nanoTime() - t0;
            } catch (GymServerException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server process exited with code " + process.exitValue());
                }
                if (System.nanoTime() - t0 > 60_000_000_000L) {
                    throw new IllegalStateException("server did not answer within 60 s");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
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
