package io.jgym.contracts;

import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import java.util.OptionalLong;

/**
 * Base class for environments that own a numpy-compatible generator, as Gymnasium's {@code Env}
 * owns {@code np_random}: {@link #reseed(OptionalLong)} replaces it when a seed is given, and an
 * environment never seeded draws from operating-system entropy. It also holds the two spaces and
 * guards what every environment must enforce: no step before the first reset, actions inside the
 * action space, and an idempotent close.
 */
public abstract class SeededEnv implements Env {
    private final Space observationSpace;
    private final Space actionSpace;
    private NumpyGenerator rng;
    private boolean started;
    private boolean closed;

    /** An environment with fixed observation and action spaces. */
    protected SeededEnv(Space observationSpace, Space actionSpace) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
    }

    @Override
    public final Space observationSpace() {
        return observationSpace;
    }

    @Override
    public final Space actionSpace() {
        return actionSpace;
    }

    /** Call first in {@link #reset(OptionalLong)}: re-seeds when asked and marks the episode started. */
    protected final void reseed(OptionalLong seed) {
        if (closed) {
            throw new IllegalStateException("environment is closed");
        }
        if (seed.isPresent()) {
            rng = NumpyGenerator.seeded(seed.getAsLong());
        } else if (rng == null) {
            rng = NumpyGenerator.fromEntropy();
        }
        started = true;
    }

    /** Whether an episode has been started, so there is a state to render. */
    protected final boolean started() {
        return started;
    }

    /** The environment's generator; valid after {@link #reseed(OptionalLong)}. */
    protected final NumpyGenerator rng() {
        return rng;
    }

    /** Call first in {@link #step}: rejects stepping before reset, after close, or outside the action space. */
    protected final void checkStep(Value action) {
        if (closed) {
            throw new IllegalStateException("environment is closed");
        }
        if (!started) {
            throw new IllegalStateException("Cannot call step before reset: call reset first");
        }
        if (!actionSpace().contains(action)) {
            throw new IllegalArgumentException("action " + action + " is not in the action space " + actionSpace());
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
