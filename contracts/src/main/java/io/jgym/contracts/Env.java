package io.jgym.contracts;

import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reinforcement-learning environment with Gymnasium's contract.
 *
 * <p>{@link #reset(OptionalLong)} starts an episode (re-seeding the environment's generator when a
 * seed is given, carrying on from its current state otherwise); {@link #step(Value)} advances it by
 * one action. In-process environments, time-limited ones and remote ones reached over HTTP all
 * implement this, so an agent cannot tell them apart. Implementations are not thread-safe.
 */
public interface Env extends AutoCloseable {

    /** The space every observation belongs to. */
    Space observationSpace();

    /** The space every valid action belongs to. */
    Space actionSpace();

    /** Starts an episode; with a seed, re-seeds exactly as Gymnasium's {@code reset(seed=...)}. */
    Reset reset(OptionalLong seed);

    /** Starts an episode, continuing the environment's random stream. */
    default Reset reset() {
        return reset(OptionalLong.empty());
    }

    /** Starts an episode from {@code seed}. */
    default Reset reset(long seed) {
        return reset(OptionalLong.of(seed));
    }

    /**
     * Applies one action.
     *
     * @throws IllegalArgumentException if the action is not in {@link #actionSpace()}
     * @throws IllegalStateException    if no episode was started with {@link #reset(OptionalLong)}
     */
    Step step(Value action);

    /** A picture of the current state, if this environment can draw itself (after a reset). */
    default Optional<Frame> render() {
        return Optional.empty();
    }

    /** Releases resources; calling it again does nothing. */
    @Override
    void close();
}
