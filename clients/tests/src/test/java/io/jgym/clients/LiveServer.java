package io.jgym.clients;

import io.jgym.contracts.EnvRegistry;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real jgym server on a free port, with a temporary data root, for the client scripts to talk to. */
final class LiveServer implements AutoCloseable {
    private final GymServer server;

    LiveServer() {
        this("");
    }

    /** A server that requires {@code token} on every request (none when empty). */
    LiveServer(String token) {
        try {
            Path dataRoot = Files.createTempDirectory("jgym-client-tests");
            server = GymServer.create(new ServerConfig("127.0.0.1", 0, 100, Duration.ofHours(1), 1 << 20, dataRoot, false)
                            .withToken(token), EnvRegistry.discover()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
