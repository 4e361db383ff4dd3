package io.jgym.launcher;

import io.jgym.contracts.EnvRegistry;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgym serve}: runs the gym-http-api compatible server until interrupted or shut down. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve every registered environment over the gym-http-api protocol (a drop-in for openai/gym-http-api).")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final ServerConfig DEFAULTS = ServerConfig.defaults();

    @Option(names = "--host", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host = DEFAULTS.host();

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = DEFAULTS.port();

    @Option(names = "--max-instances", description = "Live environment instances allowed at once (default: ${DEFAULT-VALUE}).")
    int maxInstances = DEFAULTS.maxInstances();

    @Option(names = "--idle-timeout", converter = DurationConverter.class,
            description = "Close instances unused for this long, e.g. 30m, 2h (default: 1h).")
    Duration idleTimeout = DEFAULTS.idleTimeout();

    @Option(names = "--max-request-bytes", description = "Refuse request bodies larger than this (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes = DEFAULTS.maxRequestBytes();

    @Option(names = "--data-root", description = "Folder that monitor directories are created in (default: ${DEFAULT-VALUE}).")
    Path dataRoot = DEFAULTS.dataRoot();

    @Option(names = "--allow-shutdown", description = "Let clients stop the server with POST /v1/shutdown/.")
    boolean allowShutdown;

    @Override
    public Integer call() {
        ServerConfig config = new ServerConfig(host, port, maxInstances, idleTimeout, maxRequestBytes, dataRoot, allowShutdown);
        EnvRegistry registry = EnvRegistry.discover();
        GymServer server = GymServer.create(config, registry).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "jgym-stop"));
        LOG.info("jgym env-server listening on http://{}:{} with {} environments; monitor data under {}",
                host, server.port(), registry.specs().size(), dataRoot.toAbsolutePath());
        server.stopped().join();
        return 0;
    }
}
