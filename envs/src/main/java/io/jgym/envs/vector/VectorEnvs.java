package io.jgym.envs.vector;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvSpec;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.VectorEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a vector environment for a registered id, as Gymnasium's {@code make_vec}: the
 * structure-of-arrays {@link CartPoleVectorEnv} for CartPole-v0/v1 without options (same results,
 * much faster), a {@link SyncVectorEnv} of N time-limited environments otherwise. The server's
 * vecenv routes and {@code jgym bench envs --vector} use it.
 */
public final class VectorEnvs {
    private static final Set<String> BATCHED_CARTPOLE = Set.of("CartPole-v0", "CartPole-v1");

    private VectorEnvs() {
    }

    /** N sub-environments of {@code spec}, each made with {@code kwargs}. */
    public static VectorEnv make(EnvSpec spec, int numEnvs, AutoresetMode mode, Map<String, ?> kwargs) {
        if (numEnvs < 1) {
            throw new IllegalArgumentException("num_envs must be at least 1, got " + numEnvs);
        }
        if (BATCHED_CARTPOLE.contains(spec.id()) && kwargs.isEmpty()) {
            try (Env probe = spec.make()) {
                return new CartPoleVectorEnv(numEnvs, mode, probe.observationSpace(), probe.actionSpace(),
                        spec.maxEpisodeSteps().orElseThrow());
            }
        }
        return sync(spec, numEnvs, mode, kwargs);
    }

    /** N sub-environments of {@code spec} in a {@link SyncVectorEnv}, whatever the id. */
    public static SyncVectorEnv sync(EnvSpec spec, int numEnvs, AutoresetMode mode, Map<String, ?> kwargs) {
        List<Env> envs = new ArrayList<>(numEnvs);
        try {
            for (int i = 0; i < numEnvs; i++) {
                envs.add(spec.make(EnvOptions.of(kwargs)));
            }
        } catch (RuntimeException e) {
            envs.forEach(Env::close);
            throw e;
        }
        return new SyncVectorEnv(envs, mode);
    }
}
