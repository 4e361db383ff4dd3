package io.jgym.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the server is started and what it allows. Every component is a {@code jgym serve} flag of the
 * same name in kebab case ({@code maxInstancesPerClient} is {@code --max-instances-per-client}), so
 * the checks below name the flag a user typed. docs/http-api.md ("Limits") documents each one.
 *
 * @param host                    interface to bind; 127.0.0.1 by default, as gym-http-api (RL4J hard-codes it)
 * @param port                    TCP port; 5000 by default, 0 picks a free one
 * @param maxInstances            live environment instances allowed at once, over all clients
 * @param maxInstancesPerClient   live instances one client address may hold at once
 * @param idleTimeout             an instance unused this long is closed
 * @param maxRequestBytes         larger request bodies are refused with 413
 * @param maxHeaderBytes          larger request headers are refused with 431
 * @param dataRoot                monitor directories are resolved inside this folder and cannot leave it
 * @param maxMonitorBytes         recorded pictures all monitors together may write; recording stops beyond it
 * @param maxMonitoredEpisodeSteps a monitored episode is truncated after this many steps (envs without a time limit)
 * @param maxRecordingFrames      frames kept per recorded episode; the recording ends there
 * @param maxRecordingBytes       bytes kept per recorded episode; the recording ends there
 * @param token                   when non-empty, every request needs {@code Authorization: Bearer <token>}
 * @param allowShutdown           whether {@code POST /v1/shutdown/} may stop the server
 * @param shutdownTimeout         how long a stop waits for requests in flight before closing monitors
 * @param maxNumEnvs              sub-environments one vector instance ({@code POST /v1/vecenvs/}) may have
 * @param maxVectorEnvs           sub-environments all live vector instances may have together
 */
public record ServerConfig(String host, int port, int maxInstances, int maxInstancesPerClient, Duration idleTimeout,
                           long maxRequestBytes, int maxHeaderBytes, Path dataRoot, long maxMonitorBytes,
                           int maxMonitoredEpisodeSteps, int maxRecordingFrames, long maxRecordingBytes,
                           String token, boolean allowShutdown, Duration shutdownTimeout, int maxNumEnvs,
                           int maxVectorEnvs) {
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        }
        positive("--max-instances", maxInstances);
        positive("--max-instances-per-client", maxInstancesPerClient);
        positive("--idle-timeout", idleTimeout);
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("--max-request-bytes must be at least 1024, got " + maxRequestBytes);
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("--max-header-bytes must be at least 1024, got " + maxHeaderBytes);
        }
        positive("--max-monitor-bytes", maxMonitorBytes);
        positive("--max-monitored-episode-steps", maxMonitoredEpisodeSteps);
        positive("--max-recording-frames", maxRecordingFrames);
        positive("--max-recording-bytes", maxRecordingBytes);
        positive("--shutdown-timeout", shutdownTimeout);
        positive("--max-num-envs", maxNumEnvs);
        positive("--max-vector-envs", maxVectorEnvs);
        token = token == null ? "" : token;
        if (!token.isEmpty() && (token.length() < 8 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("--token must be at least 8 printable ASCII characters without spaces");
        }
    }

    /** The settings of earlier releases; everything else at its default. */
    public ServerConfig(String host, int port, int maxInstances, Duration idleTimeout, long maxRequestBytes,
                        Path dataRoot, boolean allowShutdown) {
        this(host, port, maxInstances, Math.min(maxInstances, DEFAULT_PER_CLIENT), idleTimeout, maxRequestBytes,
                DEFAULT_HEADER_BYTES, dataRoot, DEFAULT_MONITOR_BYTES, DEFAULT_MONITORED_STEPS, DEFAULT_RECORDING_FRAMES,
                DEFAULT_RECORDING_BYTES, "", allowShutdown, DEFAULT_SHUTDOWN_TIMEOUT, DEFAULT_MAX_NUM_ENVS,
                DEFAULT_MAX_VECTOR_ENVS);
    }

    private static final int DEFAULT_PER_CLIENT = 500;
    private static final int DEFAULT_HEADER_BYTES = 8 * 1024;
    private static final long DEFAULT_MONITOR_BYTES = 1L << 30;
    private static final int DEFAULT_MONITORED_STEPS = 100_000;
    private static final int DEFAULT_RECORDING_FRAMES = 10_000;
    private static final long DEFAULT_RECORDING_BYTES = 64L << 20;
    private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    private static final int DEFAULT_MAX_NUM_ENVS = 4096;
    private static final int DEFAULT_MAX_VECTOR_ENVS = 65_536;

    /**
     * 127.0.0.1:5000; 1000 instances, 500 per client; 1 h idle timeout; 1 MiB bodies, 8 KiB headers;
     * data under {@code runs/monitor} with 1 GiB of recordings in all; monitored episodes of at most
     * 100,000 steps; recordings of at most 10,000 frames and 64 MiB; no token; no shutdown route;
     * 10 s for requests in flight at stop; vector instances of at most 4096 sub-environments, 65,536 in all.
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 5000, 1000, Duration.ofHours(1), 1 << 20, Path.of("runs", "monitor"), false);
    }

    /** The bearer token clients must send, if one is set. */
    public Optional<String> requiredToken() {
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** This config listening on {@code newPort}. */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxInstances, maxInstancesPerClient, idleTimeout, maxRequestBytes,
                maxHeaderBytes, dataRoot, maxMonitorBytes, maxMonitoredEpisodeSteps, maxRecordingFrames,
                maxRecordingBytes, token, allowShutdown, shutdownTimeout, maxNumEnvs, maxVectorEnvs);
    }

    /** This config requiring {@code newToken} (empty for none). */
    public ServerConfig withToken(String newToken) {
        return new ServerConfig(host, port, maxInstances, maxInstancesPerClient, idleTimeout, maxRequestBytes,
                maxHeaderBytes, dataRoot, maxMonitorBytes, maxMonitoredEpisodeSteps, maxRecordingFrames,
                maxRecordingBytes, newToken, allowShutdown, shutdownTimeout, maxNumEnvs, maxVectorEnvs);
    }

    /** This config with the instance caps, per server and per client address. */
    public ServerConfig withInstanceLimits(int total, int perClient) {
        return new ServerConfig(host, port, total, perClient, idleTimeout, maxRequestBytes,
                maxHeaderBytes, dataRoot, maxMonitorBytes, maxMonitoredEpisodeSteps, maxRecordingFrames,
                maxRecordingBytes, token, allowShutdown, shutdownTimeout, maxNumEnvs, maxVectorEnvs);
    }

    /** This config with the monitor limits: total bytes, steps per monitored episode, frames and bytes per recording. */
    public ServerConfig withMonitorLimits(long totalBytes, int episodeSteps, int recordingFrames, long recordingBytes) {
        return new ServerConfig(host, port, maxInstances, maxInstancesPerClient, idleTimeout, maxRequestBytes,
                maxHeaderBytes, dataRoot, totalBytes, episodeSteps, recordingFrames,
                recordingBytes, token, allowShutdown, shutdownTimeout, maxNumEnvs, maxVectorEnvs);
    }

    /** This config allowing vector instances of at most {@code numEnvs} sub-environments, {@code totalEnvs} in all. */
    public ServerConfig withVectorLimits(int numEnvs, int totalEnvs) {
        return new ServerConfig(host, port, maxInstances, maxInstancesPerClient, idleTimeout, maxRequestBytes,
                maxHeaderBytes, dataRoot, maxMonitorBytes, maxMonitoredEpisodeSteps, maxRecordingFrames,
                maxRecordingBytes, token, allowShutdown, shutdownTimeout, numEnvs, totalEnvs);
    }

    private static void positive(String flag, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }

    private static void positive(String flag, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }
}
