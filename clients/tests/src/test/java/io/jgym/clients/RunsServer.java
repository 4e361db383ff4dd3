package io.jgym.clients;

import io.jgym.contracts.EnvRegistry;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.process.ChildJvm;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import io.jgym.server.runs.RunHandlers;
import io.jgym.server.runs.RunsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real jgym server on a free port with training runs on, in a temporary runs folder: each run is
 * a {@code jgym train} child of this JVM (this module's test class path holds the command line and
 * the DL4J-free q-learning plugin). For the R, Python and browser tests of the runs API.
 */
final class RunsServer implements AutoCloseable {
    private final GymServer server;
    private final Path runsDir;

    RunsServer() {
        this("");
    }

    /** A server that requires {@code token} on every API request (none when empty). */
    RunsServer(String token) {
        try {
            runsDir = Files.createTempDirectory("jgym-runs-tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = GymServer.create(new ServerConfig("127.0.0.1", 0, 100, Duration.ofHours(1), 1 << 20, runsDir.resolve(".monitor"), false).withToken(token),
                EnvRegistry.discover(), RunHandlers.on(new RunsConfig(runsDir, 2, Duration.ofMinutes(10), 1L << 30),
                        TrainerRegistry.discover(), ChildJvm.likeThisOne())).start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    Path runsDir() {
        return runsDir;
    }

    @Override
    public void close() {
        server.stop();
    }
}
