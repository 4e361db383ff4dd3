package io.jgym.server;

import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One vector environment created through the vecenv routes or a WebSocket: the env, its id, the
 * creation seed waiting for the first reset, and when it was last used. Every operation is
 * synchronized, so concurrent requests on one instance run one after another; the encoders read a
 * returned step or reset inside {@link #use}, before the next call can overwrite its arrays.
 */
final class VectorInstance {
    private final String envId;
    private final VectorEnv env;
    private OptionalLong pendingSeed;
    private volatile long lastUsedNanos;

    /** @param seed when present, the first reset without a seed uses it */
    VectorInstance(String envId, VectorEnv env, OptionalLong seed, long nowNanos) {
        this.envId = envId;
        this.env = env;
        this.pendingSeed = seed;
        this.lastUsedNanos = nowNanos;
    }

    String envId() {
        return envId;
    }

    VectorEnv env() {
        return env;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    void touch(long nowNanos) {
        lastUsedNanos = nowNanos;
    }

    /** Resets ({@code seed}, else the creation seed if not used yet) and encodes the answer with {@code use}. */
    synchronized <R> R reset(OptionalLong seed, boolean[] resetMask, Function<VectorReset, R> use) {
        OptionalLong effective = seed.isPresent() ? seed : pendingSeed;
        VectorReset reset = env.reset(effective, resetMask);
        pendingSeed = OptionalLong.empty();
        return use.apply(reset);
    }

    /** Steps and encodes the answer with {@code use}. */
    synchronized <R> R step(Batch actions, Function<VectorStep, R> use) {
        return use.apply(env.step(actions));
    }

    synchronized void close() {
        env.close();
    }
}
