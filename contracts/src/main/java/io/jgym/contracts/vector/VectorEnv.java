package io.jgym.contracts.vector;

import io.jgym.contracts.space.Space;
import java.util.OptionalLong;

/**
 * N copies of one environment stepped together, with Gymnasium 1.2.3's {@code VectorEnv} semantics:
 * {@link #reset(OptionalLong, boolean[])} with a seed seeds sub-environment i with {@code seed + i};
 * {@link #step(Batch)} takes one action per sub-environment and returns batched results; finished
 * sub-environments are reset according to {@link #autoresetMode()}. In-process implementations
 * (a generic one over any {@code Env}, a structure-of-arrays CartPole) and the remote one over HTTP
 * all implement this, so an agent cannot tell them apart. Implementations are not thread-safe.
 */
public interface VectorEnv extends AutoCloseable {

    /** The number of sub-environments, N. */
    int numEnvs();

    /** One sub-environment's observation space. */
    Space singleObservationSpace();

    /** One sub-environment's action space. */
    Space singleActionSpace();

    /** The batched observation space. */
    default BatchSpace observationSpace() {
        return BatchSpace.of(singleObservationSpace(), numEnvs());
    }

    /** The batched action space. */
    default BatchSpace actionSpace() {
        return BatchSpace.of(singleActionSpace(), numEnvs());
    }

    /** When finished sub-environments are reset. */
    AutoresetMode autoresetMode();

    /**
     * Resets sub-environments.
     *
     * @param seed      when present, sub-environment i is reset with {@code seed + i}; otherwise each
     *                  continues its own random stream
     * @param resetMask null to reset all; otherwise one flag per sub-environment, at least one set,
     *                  and only the flagged ones are reset (Gymnasium's {@code options={"reset_mask": ...}})
     * @throws IllegalArgumentException for a mask of the wrong length or with no flag set
     */
    VectorReset reset(OptionalLong seed, boolean[] resetMask);

    /** Resets every sub-environment, sub-environment i with {@code seed + i}. */
    default VectorReset reset(long seed) {
        return reset(OptionalLong.of(seed), null);
    }

    /** Resets every sub-environment, each continuing its random stream. */
    default VectorReset reset() {
        return reset(OptionalLong.empty(), null);
    }

    /**
     * Applies one action per sub-environment.
     *
     * @throws IllegalArgumentException if {@code actions} is not in {@link #actionSpace()}
     * @throws IllegalStateException    before the first reset, or in {@link AutoresetMode#DISABLED}
     *                                  mode while a finished sub-environment has not been reset
     */
    VectorStep step(Batch actions);

    /** Releases resources; calling it again does nothing. */
    @Override
    void close();
}
