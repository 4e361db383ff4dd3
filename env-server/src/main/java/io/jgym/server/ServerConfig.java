package io.jgym.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server is started. Every field is a {@code jgym serve} flag of the same name.
 *
 * @param host            interface to bind; 127.0.0.1 by default, as gym-http-api (RL4J hard-codes it)
 * @param port            TCP port; 5000 by default, 0 picks a free one
 * @param maxInstances    live environment instances allowed at once
 * @param idleTimeout     an instance unused this long is closed
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param dataRoot        monitor directories are resolved inside this folder and cannot leave it
 * @param allowShutdown   whether {@code POST /v1/shutdown/} may stop the server
 */
public record ServerConfig(String host, int port, int maxInstances, Duration idleTimeout,
                           long maxRequestBytes, Path dataRoot, boolean allowShutdown) {
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (maxInstances < 1) {
            throw new IllegalArgumentException("maxInstances must be positive, got " + maxInstances);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, got " + maxRequestBytes);
        }
    }

    /** 127.0.0.1:5000, 1000 instances, 1 h idle timeout, 1 MiB requests, data under {@code runs/monitor}, no shutdown. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 5000, 1000, Duration.ofHours(1), 1 << 20, Path.of("runs", "monitor"), false);
    }
}
