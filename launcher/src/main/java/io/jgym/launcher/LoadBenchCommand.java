package io.jgym.launcher;

import io.jgym.client.GymClient;
import io.jgym.client.GymServerException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgym bench load}: starts a server process as {@code ./jgym serve} does (same collector settings), then has many clients
 * run whole sessions against it for a fixed time (create, spaces, sample, monitor, reset, steps to
 * the episode's end, monitor close, close) over keep-alive connections, with a share of requests on
 * new connections, after an unmeasured warm-up. Prints requests, errors by status, latency
 * percentiles and the server's heap and RSS before and after (each after a full GC, with every
 * instance closed). {@code --fuzz n} then
 * sends n random requests (routes, methods, bodies, ids) and counts 5xx and non-JSON answers.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load-test a server process with many clients, then optionally fuzz it; print errors, latency and memory.")
final class LoadBenchCommand implements Callable<Integer> {
    private static final List<String> ENVS = List.of("CartPole-v1", "FrozenLake-v1", "Pendulum-v1", "Blackjack-v1");
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

    @Option(names = "--clients", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients = 32;

    @Option(names = "--seconds", description = "How long the clients run (default: ${DEFAULT-VALUE}).")
    int seconds = 60;

    @Option(names = "--warmup-seconds", description = "Load run first and not measured, so the JIT has compiled the server (default: ${DEFAULT-VALUE}).")
    int warmupSeconds = 10;

    @Option(names = "--new-connection-share", description = "Share of requests sent on a new connection (default: ${DEFAULT-VALUE}).")
    double newConnectionShare = 0.05;

    @Option(names = "--monitor-every", description = "Every n-th session of a client runs under a monitor (default: ${DEFAULT-VALUE}).")
    int monitorEvery = 10;

    @Option(names = "--fuzz", description = "Random requests to send after the load (default: ${DEFAULT-VALUE}).")
    int fuzz = 0;

    @Option(names = "--seed", description = "Seed of the fuzz requests (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    /** What one client saw: latencies of every request, of steps, and errors by status. */
    private record Tally(Samples all, Samples steps, Map<Integer, Integer> errors) {
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || warmupSeconds < 0 || newConnectionShare < 0 || newConnectionShare > 1 || monitorEvery < 1 || fuzz < 0) {
            throw new IllegalArgumentException("--clients, --seconds and --monitor-every must be positive, --new-connection-share"
                    + " in 0..1, --warmup-seconds and --fuzz at least 0");
        }
        Path dataRoot = Files.createTempDirectory("jgym-load");
        try (ServerProcess process = ServerProcess.start("--data-root", dataRoot.toString())) {
            String url = process.url();
            Process server = process.process();
            process.awaitFirstAnswer(10);
            System.out.printf("server pid %d on %s; warming up for %d s...%n", server.pid(), url, warmupSeconds);
            load(url, warmupSeconds);
            System.out.printf("%d clients for %d s...%n", clients, seconds);
            long[] before = memory(url, server);
            List<Tally> tallies = load(url, seconds);
            long[] after = memory(url, server);
            report(tallies, before, after);
            if (fuzz > 0) {
                fuzz(url);
            }
        }
        return 0;
    }


    /** Heap in use (from /metrics) and RSS (from /proc) of the server, after a full GC. */
    private static long[] memory(String url, Process server) throws IOException, InterruptedException {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gc.waitFor();
        HttpClient http = HttpClient.newHttpClient();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        long heap = 0;
        Matcher m = HEAP.matcher(metrics);
        while (m.find()) {
            heap += (long) Double.parseDouble(m.group(1));
        }
        long rss = -1;
        Path status = Path.of("/proc", Long.toString(server.pid()), "status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        }
        return new long[] {heap, rss};
    }

    private List<Tally> load(String url, int forSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(forSeconds).toNanos();
        try {
            List<Future<Tally>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> sessions(url, client, end)));
            }
            List<Tally> tallies = new ArrayList<>();
            for (Future<Tally> f : futures) {
                tallies.add(f.get());
            }
            return tallies;
        } finally {
            pool.shutdown();
        }
    }

    /** One client's whole sessions until {@code end}: the mix a training or teaching workload sends. */
    private Tally sessions(String url, int client, long end) {
        Random random = new Random(seed * 1_000_003 + client);
        Samples all = new Samples();
        Samples steps = new Samples();
        Map<Integer, Integer> errors = new TreeMap<>();
        try (GymClient kept = new GymClient(url)) {
            for (int session = 0; System.nanoTime() < end; session++) {
                String env = ENVS.get((client + session) % ENVS.size());
                long envSeed = session + 1000L * client;
                String[] id = new String[1];
                boolean monitored = session % monitorEvery == 0;
                boolean ok = all.timed(() -> id[0] = kept.envCreate(env, OptionalLong.of(envSeed)), errors)
                        && all.timed(() -> kept.envActionSpaceInfo(id[0]), errors)
                        && all.timed(() -> kept.envObservationSpaceInfo(id[0]), errors)
                        && all.timed(() -> kept.envActionSpaceSample(id[0]), errors)
                        && (!monitored || all.timed(() -> kept.envMonitorStart(id[0], "load/client" + client, true, false), errors))
                        && all.timed(() -> kept.envReset(id[0]), errors);
                boolean[] done = {!ok};
                for (int step = 0; !done[0] && step < 200; step++) {
                    String action = env.startsWith("Pendulum") ? "[0.5]" : Integer.toString(step & 1);
                    boolean fresh = random.nextDouble() < newConnectionShare;
                    GymClient via = fresh ? new GymClient(url) : kept;
                    ok = all.timed(() -> done[0] = via.envStep(id[0], action, false).get("done").asBoolean(), errors);
                    steps.add(all.last());
                    done[0] |= !ok;
                    if (fresh) {
                        via.close();
                    }
                }
                if (id[0] != null) {
                    if (monitored) {
                        all.timed(() -> kept.envMonitorClose(id[0]), errors);
                    }
                    all.timed(() -> kept.envClose(id[0]), errors);
                }
            }
        }
        return new Tally(all, steps, errors);
    }

    /** Latencies in nanoseconds, growing as needed. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int count;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = nanos;
        }

        long last() {
            return values[count - 1];
        }

        /** Runs one request and records its latency, or its error status; false on an error. */
        boolean timed(Runnable request, Map<Integer, Integer> errors) {
            long t = System.nanoTime();
            boolean ok = true;
            try {
                request.run();
            } catch (GymServerException e) {
                errors.merge(e.status(), 1, Integer::sum);
                ok = false;
            }
            add(System.nanoTime() - t);
            return ok;
        }

        java.util.stream.LongStream stream() {
            return Arrays.stream(values, 0, count);
        }
    }

    private void report(List<Tally> tallies, long[] before, long[] after) {
        long[] all = tallies.stream().flatMapToLong(t -> t.all().stream()).sorted().toArray();
        long[] steps = tallies.stream().flatMapToLong(t -> t.steps().stream()).sorted().toArray();
        Map<Integer, Integer> errors = new TreeMap<>();
        tallies.forEach(t -> t.errors().forEach((k, v) -> errors.merge(k, v, Integer::sum)));
        System.out.println();
        System.out.println("| clients | seconds | requests | requests/s | errors | p50 ms | p99 ms | p99.9 ms | step p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %.0f | %s | %.3f | %.3f | %.3f | %.3f |%n", clients, seconds, all.length,
                all.length / (double) seconds, errors.isEmpty() ? "0" : errors.toString(),
                percentile(all, 0.5), percentile(all, 0.99), percentile(all, 0.999), percentile(steps, 0.99));
        System.out.println();
        System.out.println("| server memory (after full GC, no instances) | heap MB | RSS MB |");
        System.out.println("|---|---|---|");
        System.out.printf("| before | %.1f | %.1f |%n| after | %.1f | %.1f |%n", before[0] / 1e6, before[1] / 1e6, after[0] / 1e6, after[1] / 1e6);
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    // ---- fuzz ----------------------------------------------------------------------------------

    private static final String[] ROUTES = {"/v1/envs", "/v1/envs/{id}/reset", "/v1/envs/{id}/step", "/v1/envs/{id}/action_space",
        "/v1/envs/{id}/action_space/sample", "/v1/envs/{id}/action_space/contains/{v}", "/v1/envs/{id}/observation_space",
        "/v1/envs/{id}/observation_space/contains", "/v1/envs/{id}/monitor/start", "/v1/envs/{id}/monitor/close",
        "/v1/envs/{id}/close", "/v1/envs/{id}/render", "/v1/upload", "/v1/shutdown", "/v1/health", "/metrics", "/", "/v1/envs/{id}/{v}"};
    private static final String[] METHODS = {"GET", "GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH"};
    private static final String[] KEYS = {"env_id", "seed", "kwargs", "action", "directory", "force", "resume", "video_callable",
        "video_format", "training_dir", "api_key", "name", "x"};
    private static final String[] VALUES = {"0", "1", "-1", "1.5", "1e400", "99999999999999999999999", "true", "null", "\"\"",
        "\"x\"", "\"CartPole-v1\"", "\"FrozenLake-v1\"", "\"Pendulum-v1\"", "\"Blackjack-v1\"", "\"png\"", "[]", "[0]", "[0.5]",
        "[[0]]", "{}", "{\"is_slippery\":false}", "{\"g\":\"x\"}", "\"../../etc\"", "\"fuzz\"", "[1,2,3]"};
    private static final String[] IDS = {"deadbeef", "0", "..", "%2e%2e", "%FF", "x%00y", "DEADBEEF"};

    /** Sends {@code --fuzz} random requests and prints answers by status, 5xx and non-JSON answers. */
    private void fuzz(String url) throws Exception {
        Random random = new Random(seed);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> ids = new ArrayList<>();
        try (GymClient setup = new GymClient(url)) {
            for (String env : ENVS) {
                ids.add(setup.envCreate(env));
            }
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        int serverErrors = 0;
        int notJson = 0;
        List<String> dropped = new ArrayList<>();
        String previous = "";
        System.out.printf("%nfuzzing with %d random requests (seed %d)...%n", fuzz, seed);
        long start = System.nanoTime();
        for (int i = 0; i < fuzz; i++) {
            String id = random.nextInt(3) > 0 ? ids.get(random.nextInt(ids.size())) : IDS[random.nextInt(IDS.length)];
            String path = ROUTES[random.nextInt(ROUTES.length)].replace("{id}", id)
                    .replace("{v}", random.nextBoolean() ? Integer.toString(random.nextInt(5) - 1) : IDS[random.nextInt(IDS.length)]);
            String body = randomBody(random);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                    .method(METHODS[random.nextInt(METHODS.length)], body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (random.nextInt(4) > 0) {
                b.header("Content-Type", "application/json");
            }
            HttpResponse<String> r;
            String request = b.build().method() + " " + path + " " + body;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                dropped.add("after [" + previous + "]: [" + request + "]: " + e.getMessage());
                continue;
            } finally {
                previous = request;
            }
            statuses.merge(r.statusCode(), 1, Integer::sum);
            String type = r.headers().firstValue("Content-Type").orElse("");
            serverErrors += r.statusCode() >= 500 ? 1 : 0;
            notJson += r.statusCode() != 204 && !type.startsWith("application/json") && !type.startsWith("image/png")
                    && !type.startsWith("text/plain") ? 1 : 0;
            if (r.statusCode() == 200 && r.body().contains("\"instance_id\"") && ids.size() < 50) {
                ids.add(r.body().replaceAll("(?s).*\"instance_id\":\"([0-9a-f]+)\".*", "$1"));
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("%n| fuzz requests | seconds | 5xx | not JSON | dropped connections | answers by status | health after |%n"
                + "|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %.1f | %d | %d | %d | %s | %d |%n", fuzz, wall, serverErrors, notJson, dropped.size(),
                statuses.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")),
                health.statusCode());
        dropped.stream().limit(5).forEach(d -> System.out.println("dropped " + d));
    }

    private static String randomBody(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            byte[] junk = new byte[random.nextInt(30)];
            random.nextBytes(junk);
            return new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(5);
        for (int f = 0; f < fields; f++) {
            out.append(f == 0 ? "" : ",").append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":")
                    .append(random.nextInt(4) == 0 ? Integer.toString(random.nextInt()) : VALUES[random.nextInt(VALUES.length)]);
        }
        return out.append(kind == 2 ? "} trailing" : "}").toString();
    }
}
