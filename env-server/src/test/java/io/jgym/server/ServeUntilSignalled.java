package io.jgym.server;

import io.jgym.contracts.EnvRegistry;
import java.nio.file.Path;

/**
 * A server process as {@code jgym serve} runs one (started, stopped on SIGTERM), for
 * {@link GracefulShutdownTest}, which launches it as a separate JVM. Prints its port on the first line.
 */
public final class ServeUntilSignalled {
    private ServeUntilSignalled() {
    }

    public static void main(String[] args) {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 10, java.time.Duration.ofHours(1), 1 << 20, Path.of(args[0]), false);
        GymServer server = GymServer.create(config, EnvRegistry.discover()).start().stopOnSignal();
        System.out.println("PORT " + server.port());
        System.out.flush();
        server.stopped().join();
    }
}
