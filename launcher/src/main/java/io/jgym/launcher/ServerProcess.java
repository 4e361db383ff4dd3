package io.jgym.launcher;

import io.jgym.client.GymClient;
import io.jgym.client.GymServerException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code jgym serve} child process for the server benchmarks ({@code bench server},
 * {@code bench load}): started on a free port with {@code ./jgym}'s collector settings and its
 * class-data archive when one was built, polled until it answers, stopped on close.
 */
final class ServerProcess implements AutoCloseable {
    private static final long TIMEOUT_NANOS = 60_000_000_000L;

    private final Process process;
    private final String url;
    private final long startedNanos;

    private ServerProcess(Process process, String url, long startedNanos) {
        this.process = process;
        this.url = url;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code jgym serve --port <free> serveArgs...} as {@code ./jgym} would. */
    static ServerProcess start(String... serveArgs) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xmn32m"));
        archive().ifPresent(archive -> command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JgymCommand.class.getName(),
                "serve", "--port", Integer.toString(port)));
        command.addAll(List.of(serveArgs));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new ServerProcess(process, "http://127.0.0.1:" + port, started);
    }

    /** The class-data archive {@code ./jgym} builds beside the jar, when there is one. */
    private static Optional<Path> archive() {
        try {
            Path jar = Path.of(JgymCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path archive = jar.resolveSibling("jgym.jsa");
            return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    String url() {
        return url;
    }

    Process process() {
        return process;
    }

    /**
     * Polls {@code GET /v1/envs/} every {@code pollMillis} until the server answers and returns the
     * nanoseconds since it was started; the pause keeps the poller from taking a core away from it.
     */
    long awaitFirstAnswer(long pollMillis) throws InterruptedException {
        while (true) {
            try (GymClient client = new GymClient(url)) {
                client.envListAll();
                return System.nanoTime() - startedNanos;
            } catch (GymServerException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server process exited with code " + process.exitValue(), e);
                }
                if (System.nanoTime() - startedNanos > TIMEOUT_NANOS) {
                    throw new IllegalStateException("the server did not answer within 60 s", e);
                }
                Thread.sleep(pollMillis);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
