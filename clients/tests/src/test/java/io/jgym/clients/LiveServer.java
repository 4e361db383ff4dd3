package io.jgym.clients;

import io.jgym.contracts.EnvRegistry;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** A real jgym server on a free port, with a temporary data root, for the client scripts to talk to. */
final class LiveServer implements AutoCloseable {
    private final GymServer server;
    private final Path dataRoot;

    LiveServer() {
        this("");
    }

    /** A server that requires {@code token} on every request (none when empty). */
    LiveServer(String token) {
        try {
            dataRoot = Files.createTempDirectory("jgym-client-tests");
            server = GymServer.create(new ServerConfig("127.0.0.1", 0, 100, Duration.ofHours(1), 1 << 20, dataRoot, false)
                            .withToken(token), EnvRegistry.discover()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The names of the files in a monitor directory, as a client named it. */
    List<String> monitorFiles(String directory) throws IOException {
        try (Stream<Path> files = Files.list(dataRoot.resolve(directory))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
