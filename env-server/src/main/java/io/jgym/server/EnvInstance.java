package io.jgym.server;

import io.jgym.contracts.Env;
import io.jgym.contracts.Frame;
import io.jgym.contracts.Reset;
import io.jgym.contracts.Step;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Value;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One environment created through the API: the env, its id, the generator behind
 * {@code action_space/sample}, an optional monitor, and when it was last used. Every operation is
 * synchronized, so concurrent requests on one instance run one after another.
 */
final class EnvInstance {
    private final String envId;
    private final Env env;
    private final NumpyGenerator sampler;
    private OptionalLong pendingSeed;
    private EpisodeMonitor monitor;
    private volatile long lastUsedNanos;

    /**
     * @param seed when present, the first reset is {@code reset(seed=seed)} and the action sampler
     *             is seeded with it too, so a seeded instance is reproducible end to end
     */
    EnvInstance(String envId, Env env, OptionalLong seed, long nowNanos) {
        this.envId = envId;
        this.env = env;
        this.pendingSeed = seed;
        this.sampler = seed.isPresent() ? NumpyGenerator.seeded(seed.getAsLong()) : NumpyGenerator.fromEntropy();
        this.lastUsedNanos = nowNanos;
    }

    String envId() {
        return envId;
    }

    Env env() {
        return env;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    void touch(long nowNanos) {
        lastUsedNanos = nowNanos;
    }

    /** Resets with {@code seed}, else with the creation seed if not used yet, else unseeded. */
    synchronized Reset reset(OptionalLong seed) {
        OptionalLong effective = seed.isPresent() ? seed : pendingSeed;
        pendingSeed = OptionalLong.empty();
        Reset reset = env.reset(effective);
        if (monitor != null) {
            monitor.onReset();
        }
        return reset;
    }

    /** Steps the env; a monitor's episode-length limit can truncate the answer. */
    synchronized Step step(Value action) {
        Step step = env.step(action);
        if (monitor != null && monitor.onStep(step)) {
            return step.withTruncated();
        }
        return step;
    }

    synchronized Value sampleAction() {
        return env.actionSpace().sample(sampler);
    }

    /** Replaces the monitor; the new one is built only after the old one has written its files. */
    synchronized void startMonitor(Supplier<EpisodeMonitor> newMonitor) {
        closeMonitor();
        monitor = newMonitor.get();
    }

    /** Closes the monitor, if any; it is gone even when it reports a write failure. */
    synchronized void closeMonitor() {
        if (monitor != null) {
            EpisodeMonitor closing = monitor;
            monitor = null;
            closing.close();
        }
    }

    /** A picture of the current state. @throws ApiException if the env cannot render or was not reset */
    synchronized Frame render() {
        return env.render().orElseThrow(() -> ApiException.badRequest(
                "Nothing to render for " + envId + ": reset the environment first (and it must support rendering)"));
    }

    /** Closes the monitor (a write failure is logged by it, not thrown) and the env. */
    synchronized void close() {
        try {
            closeMonitor();
        } catch (ApiException e) {
            // The monitor has logged its failure and kept what it wrote; closing goes on.
        } finally {
            env.close();
        }
    }
}
