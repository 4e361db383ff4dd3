package io.jgym.server.runs;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server runs trainings, from {@code jgym serve}'s run flags (each component is the flag of
 * the same name in kebab case, so the checks name what a user typed). docs/http-api.md ("Training
 * runs") documents each one.
 *
 * @param runsDir           the folder holding run folders: every run in it is listed, also those started from the CLI
 * @param maxConcurrentRuns runs training at once; further ones wait in a queue
 * @param maxRunTime        a run training longer than this is stopped (it checkpoints and can be resumed)
 * @param maxRunBytes       a run whose folder grows beyond this is stopped
 */
public record RunsConfig(Path runsDir, int maxConcurrentRuns, Duration maxRunTime, long maxRunBytes) {
    public RunsConfig {
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("--max-concurrent-runs must be positive, got " + maxConcurrentRuns);
        }
        if (maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("--max-run-time must be positive, got " + maxRunTime);
        }
        if (maxRunBytes < 1 << 20) {
            throw new IllegalArgumentException("--max-run-bytes must be at least 1 MiB (1048576), got " + maxRunBytes);
        }
    }

    /** Runs under {@code runs/}, one at a time per core, at most 24 hours and 10 GiB each. */
    public static RunsConfig defaults() {
        return new RunsConfig(Path.of("runs"), Runtime.getRuntime().availableProcessors(), Duration.ofHours(24), 10L << 30);
    }
}
