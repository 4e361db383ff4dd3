package io.jgym.contracts.vector;

import java.util.Map;

/**
 * What {@link VectorEnv#step} returns: Gymnasium's batched five-tuple, index {@code i} of every
 * array belonging to sub-environment i.
 *
 * <p>{@code infos} is Gymnasium's merged info dict: each key maps to one entry per sub-environment,
 * typed as Gymnasium types it ({@code long[]} for int64, {@code double[]} for float64,
 * {@code boolean[]} for bool, {@code int[][]} for small integer arrays such as Taxi's action mask,
 * {@code Object[]} for object arrays such as {@code final_obs}, a nested {@code Map} for dict
 * values), with a {@code "_" + key} {@code boolean[]} mask of the sub-environments that supplied it.
 * In-process implementations may reuse the arrays on the next call; use {@link #copy()} to keep them.
 *
 * @param observations the batched observations
 * @param rewards      float64 rewards
 * @param terminations whether each sub-environment reached a terminal state
 * @param truncations  whether each sub-environment was cut short (a time limit)
 * @param infos        the merged info dict; never null, often empty
 */
public record VectorStep(Batch observations, double[] rewards, boolean[] terminations, boolean[] truncations,
                         Map<String, Object> infos) {

    /** The number of sub-environments. */
    public int size() {
        return rewards.length;
    }

    /** Whether sub-environment {@code i} finished in this call (terminated or truncated). */
    public boolean done(int i) {
        return terminations[i] || truncations[i];
    }

    /** A copy whose arrays the vector environment will not overwrite. */
    public VectorStep copy() {
        return new VectorStep(observations.copy(), rewards.clone(), terminations.clone(), truncations.clone(), infos);
    }
}
