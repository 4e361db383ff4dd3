package io.jgym.launcher;

import io.jgym.contracts.EnvRegistry;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.process.ChildJvm;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import io.jgym.server.runs.RunHandlers;
import io.jgym.server.runs.RunsConfig;
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
    private static final RunsConfig RUNS = RunsConfig.defaults();

    @Option(names = "--host", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host = DEFAULTS.host();

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = DEFAULTS.port();

    @Option(names = "--max-instances", description = "Live environment instances allowed at once (default: ${DEFAULT-VALUE}).")
    int maxInstances = DEFAULTS.maxInstances();

    @Option(names = "--max-instances-per-client", description = "Live instances one client address may hold (default: ${DEFAULT-VALUE}).")
    int maxInstancesPerClient = DEFAULTS.maxInstancesPerClient();

    @Option(names = "--idle-timeout", converter = DurationConverter.class,
            description = "Close instances unused for this long, e.g. 30m, 2h (default: 1h).")
    Duration idleTimeout = DEFAULTS.idleTimeout();

    @Option(names = "--max-request-bytes", description = "Refuse request bodies larger than this (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes = DEFAULTS.maxRequestBytes();

    @Option(names = "--max-header-bytes", description = "Refuse request headers larger than this (default: ${DEFAULT-VALUE}).")
    int maxHeaderBytes = DEFAULTS.maxHeaderBytes();

    @Option(names = "--data-root", description = "Folder that monitor directories are created in (default: ${DEFAULT-VALUE}).")
    Path dataRoot = DEFAULTS.dataRoot();

    @Option(names = "--max-monitor-bytes", description = "Bytes of recordings all monitors may write together (default: ${DEFAULT-VALUE}).")
    long maxMonitorBytes = DEFAULTS.maxMonitorBytes();

    @Option(names = "--max-monitored-episode-steps",
            description = "Truncate a monitored episode after this many steps (default: ${DEFAULT-VALUE}).")
    int maxMonitoredEpisodeSteps = DEFAULTS.maxMonitoredEpisodeSteps();

    @Option(names = "--max-recording-frames", description = "Frames kept per recorded episode (default: ${DEFAULT-VALUE}).")
    int maxRecordingFrames = DEFAULTS.maxRecordingFrames();

    @Option(names = "--max-recording-bytes", description = "Bytes kept per recorded episode (default: ${DEFAULT-VALUE}).")
    long maxRecordingBytes = DEFAULTS.maxRecordingBytes();

    @Option(names = "--token", description = "Require 'Authorization: Bearer <token>' on every route (default: $JGYM_TOKEN, else none).")
    String token = System.getenv().getOrDefault("JGYM_TOKEN", "");

    @Option(names = "--allow-shutdown", description = "Let clients stop the server with POST /v1/shutdown/.")
    boolean allowShutdown;

    @Option(names = "--shutdown-timeout", converter = DurationConverter.class,
            description = "On SIGTERM, wait this long for requests in flight before closing monitors, e.g. 10s (default: 10s).")
    Duration shutdownTimeout = DEFAULTS.shutdownTimeout();

    @Option(names = "--max-num-envs", description = "Sub-environments one vector instance (POST /v1/vecenvs/) may have (default: ${DEFAULT-VALUE}).")
    int maxNumEnvs = DEFAULTS.maxNumEnvs();

    @Option(names = "--max-vector-envs", description = "Sub-environments of all live vector instances together (default: ${DEFAULT-VALUE}).")
    int maxVectorEnvs = DEFAULTS.maxVectorEnvs();

    @Option(names = "--allow-runs", description = "Let clients train over HTTP (/v1/runs/, the dashboard at /); each run in its own process.")
    boolean allowRuns;

    @Option(names = "--runs-dir", description = "Folder of run folders the runs routes list and train into (default: ${DEFAULT-VALUE}).")
    Path runsDir = RUNS.runsDir();

    @Option(names = "--max-concurrent-runs", description = "Runs training at once; more wait in a queue (default: one per core, ${DEFAULT-VALUE}).")
    int maxConcurrentRuns = RUNS.maxConcurrentRuns();

    @Option(names = "--max-run-time", converter = DurationConverter.class,
            description = "Stop a run (with a checkpoint) after training this long, e.g. 30m, 2h (default: 24h).")
    Duration maxRunTime = RUNS.maxRunTime();

    @Option(names = "--max-run-bytes", description = "Stop a run whose folder grows beyond this many bytes (default: ${DEFAULT-VALUE}).")
    long maxRunBytes = RUNS.maxRunBytes();

    @Override
    public Integer call() {
        ServerConfig config = new ServerConfig(host, port, maxInstances, maxInstancesPerClient, idleTimeout, maxRequestBytes,
                maxHeaderBytes, dataRoot, maxMonitorBytes, maxMonitoredEpisodeSteps, maxRecordingFrames, maxRecordingBytes,
                token, allowShutdown, shutdownTimeout, maxNumEnvs, maxVectorEnvs);
        if (config.requiredToken().isEmpty() && !isLoopback(host)) {
            LOG.warn("Listening on {} without a token: anyone who can reach this port can create environments and write"
                    + " monitor files. Start with --token <secret> (or JGYM_TOKEN) for a shared server; see docs/operations.md.", host);
        }
        EnvRegistry registry = EnvRegistry.discover();
        RunHandlers runs = allowRuns ? RunHandlers.on(new RunsConfig(runsDir, maxConcurrentRuns, maxRunTime, maxRunBytes),
                TrainerRegistry.discover(), ChildJvm.likeThisOne()) : RunHandlers.off();
        GymServer server = GymServer.create(config, registry, runs).start().stopOnSignal();
        LOG.info("jgym env-server listening on http://{}:{} with {} environments; monitor data under {}{}",
                host, server.port(), registry.specs().size(), dataRoot.toAbsolutePath(),
                config.requiredToken().isPresent() ? "; token required" : "");
        if (allowRuns) {
            LOG.info("Training runs on: dashboard at http://{}:{}/, runs in {}, at most {} at a time", host, server.port(),
                    runsDir.toAbsolutePath(), maxConcurrentRuns);
        }
        server.stopped().join();
        return 0;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
