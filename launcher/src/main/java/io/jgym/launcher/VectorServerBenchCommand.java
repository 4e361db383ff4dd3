package io.jgym.launcher;

import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.client.RemoteVectorEnv;
import io.jgym.client.SocketVectorEnv;
import io.jgym.envs.vector.VectorEnvs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgym bench vecenvs}: env-steps per second of a vector environment reached by one client
 * over one loopback connection, for each number of sub-environments: in-process (no server, the
 * reference), the Java client over HTTP in JSON and in binary, over the WebSocket, and the Python
 * client ({@code clients/python/examples/vector_throughput.py}) over HTTP in binary and JSON and
 * over the WebSocket in binary. The server is a
 * {@code jgym serve} child process ({@link ServerProcess}) unless {@code --server} names one.
 */
@Command(name = "vecenvs", mixinStandardHelpOptions = true,
        description = "Measure vector-environment throughput over HTTP (JSON, binary), WebSocket and from Python; print a table.")
final class VectorServerBenchCommand implements Callable<Integer> {
    private static final Pattern PYTHON_RATE = Pattern.compile("env-steps/s: ([0-9.]+)");

    @Option(names = "--env", description = "Environment id, with a Discrete action space (default: ${DEFAULT-VALUE}).")
    String envId = "CartPole-v1";

    @Option(names = "--num-envs", split = ",", description = "Sub-environments per request (default: 1,16,256,1024).")
    List<Integer> numEnvs = List.of(1, 16, 256, 1024);

    @Option(names = "--seconds", description = "Measured seconds per row (default: ${DEFAULT-VALUE}).")
    double seconds = 3.0;

    @Option(names = "--warmup-seconds", description = "Unmeasured seconds before each row (default: ${DEFAULT-VALUE}).")
    double warmupSeconds = 1.0;

    @Option(names = "--server", description = "Measure an already running server at this URL instead of starting one.")
    String server;

    @Option(names = "--python", description = "Python interpreter for the Python rows; none to skip them (default: ${DEFAULT-VALUE}).")
    String python = "python3";

    @Option(names = "--python-client", description = "Folder of the Python client (default: ${DEFAULT-VALUE}).")
    Path pythonClient = Path.of("clients", "python");

    @Option(names = "--seed", description = "Seed for resets and actions (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Override
    public Integer call() throws Exception {
        int largest = numEnvs.stream().mapToInt(Integer::intValue).max().orElse(1);
        ServerProcess process = server == null ? ServerProcess.start("--max-num-envs", Integer.toString(Math.max(largest, 1))) : null;
        String url = server;
        if (process != null) {
            url = process.url();
            process.awaitFirstAnswer(50);
        }
        try {
            System.out.printf("| client | transport | num_envs | requests/s | env-steps/s |%n|---|---|---|---|---|%n");
            for (int n : numEnvs) {
                String base = url;
                java("in-process", "no server", n, () -> VectorEnvs.make(EnvRegistry.discover().spec(envId), n, AutoresetMode.NEXT_STEP, Map.of()));
                java("Java", "HTTP JSON", n, () -> RemoteVectorEnv.create(base, envId, n, AutoresetMode.NEXT_STEP, OptionalLong.empty(),
                        RemoteVectorEnv.Encoding.JSON, null));
                java("Java", "HTTP binary", n, () -> RemoteVectorEnv.create(base, envId, n, AutoresetMode.NEXT_STEP, OptionalLong.empty(),
                        RemoteVectorEnv.Encoding.BINARY, null));
                java("Java", "WebSocket binary", n, () -> SocketVectorEnv.create(base, envId, n, AutoresetMode.NEXT_STEP, OptionalLong.empty(), null));
                if (!python.equals("none")) {
                    python(base, "http", "binary", n);
                    python(base, "http", "json", n);
                    python(base, "websocket", "binary", n);
                }
            }
        } finally {
            if (process != null) {
                process.close();
            }
        }
        return 0;
    }

    private void java(String client, String transport, int n, Supplier<VectorEnv> make) {
        try (VectorEnv env = make.get()) {
            double[] rates = VectorEnvBench.measure(env, seed, warmupSeconds, seconds);
            System.out.printf("| %s | %s | %d | %,.0f | %,.0f |%n", client, transport, n, rates[1], rates[0]);
        }
    }

    /** Runs the Python client's throughput example as a child process and reads its rate. */
    private void python(String url, String transport, String encoding, int n) throws IOException, InterruptedException {
        String label = (transport.equals("http") ? "HTTP " : "WebSocket ") + encoding;
        Path script = pythonClient.resolve("examples").resolve("vector_throughput.py");
        if (!Files.isRegularFile(script)) {
            System.out.printf("| Python | %s | %d | (no %s; run from the repository root or pass --python-client) | |%n", label, n, script);
            return;
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--server", url, "--env", envId,
                "--num-envs", Integer.toString(n), "--seconds", Double.toString(seconds), "--warmup-seconds", Double.toString(warmupSeconds),
                "--encoding", encoding, "--transport", transport, "--seed", Long.toString(seed)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor((long) (seconds + warmupSeconds + 60), TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Matcher m = PYTHON_RATE.matcher(output);
        if (p.exitValue() != 0 || !m.find()) {
            String last = output.strip().lines().reduce((a, b) -> b).orElse("no output");
            System.out.printf("| Python | %s | %d | failed: %s | |%n", label, n, last);
            return;
        }
        double rate = Double.parseDouble(m.group(1));
        System.out.printf("| Python | %s | %d | %,.0f | %,.0f |%n", label, n, rate / n, rate);
    }
}
