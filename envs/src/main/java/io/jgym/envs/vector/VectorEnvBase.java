package io.jgym.envs.vector;

import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.BatchSpace;
import io.jgym.contracts.vector.VectorEnv;
import java.util.Arrays;

/**
 * The bookkeeping every in-process {@link VectorEnv} shares, as Gymnasium's {@code SyncVectorEnv}
 * keeps it: the autoreset mode, which sub-environments finished on the last call (reset on the next
 * call in next-step mode, refused in disabled mode until a partial reset), the reset-mask rules, and
 * the guards against stepping before reset, after close or with actions outside the space.
 */
abstract class VectorEnvBase implements VectorEnv {
    private final int numEnvs;
    private final AutoresetMode mode;
    /** Sub-environments that finished on the last call (Gymnasium's {@code _autoreset_envs}). */
    protected final boolean[] finished;
    private BatchSpace observationSpace;
    private BatchSpace actionSpace;
    private boolean started;
    private boolean closed;

    VectorEnvBase(int numEnvs, AutoresetMode mode) {
        if (numEnvs < 1) {
            throw new IllegalArgumentException("num_envs must be at least 1, got " + numEnvs);
        }
        this.numEnvs = numEnvs;
        this.mode = mode;
        this.finished = new boolean[numEnvs];
    }

    @Override
    public final int numEnvs() {
        return numEnvs;
    }

    @Override
    public final AutoresetMode autoresetMode() {
        return mode;
    }

    /** The batched observation space, built once. */
    @Override
    public final BatchSpace observationSpace() {
        if (observationSpace == null) {
            observationSpace = BatchSpace.of(singleObservationSpace(), numEnvs);
        }
        return observationSpace;
    }

    /** The batched action space, built once (every step checks the actions against it). */
    @Override
    public final BatchSpace actionSpace() {
        if (actionSpace == null) {
            actionSpace = BatchSpace.of(singleActionSpace(), numEnvs);
        }
        return actionSpace;
    }

    /**
     * Checks a reset and returns the sub-environments to reset (all for a null mask), clearing their
     * finished flags; Gymnasium asserts a bool mask of shape (N,) with at least one flag set.
     */
    protected final boolean[] beginReset(boolean[] resetMask) {
        if (closed) {
            throw new IllegalStateException("vector environment is closed");
        }
        boolean[] which = resetMask;
        if (which == null) {
            which = new boolean[numEnvs];
            Arrays.fill(which, true);
        } else {
            if (which.length != numEnvs) {
                throw new IllegalArgumentException("reset_mask must have one flag per sub-environment (" + numEnvs
                        + "), got " + which.length);
            }
            boolean any = false;
            for (boolean b : which) {
                any |= b;
            }
            if (!any) {
                throw new IllegalArgumentException("reset_mask must select at least one sub-environment");
            }
        }
        for (int i = 0; i < numEnvs; i++) {
            if (which[i]) {
                finished[i] = false;
            }
        }
        started = true;
        return which;
    }

    /** Checks a step: reset first, not closed, actions in the space, no unreset sub-environment in disabled mode. */
    protected final void beginStep(Batch actions) {
        if (closed) {
            throw new IllegalStateException("vector environment is closed");
        }
        if (!started) {
            throw new IllegalStateException("Cannot call step before reset: call reset first");
        }
        if (!actionSpace().contains(actions)) {
            throw new IllegalArgumentException(actionError(actions));
        }
        if (mode == AutoresetMode.DISABLED) {
            for (int i = 0; i < numEnvs; i++) {
                if (finished[i]) {
                    throw new IllegalStateException("sub-environment " + i + " finished its episode and autoreset is disabled;"
                            + " reset it with a reset_mask before stepping");
                }
            }
        }
    }

    /** Why {@code actions} is not in the action space, naming the first sub-environment at fault. */
    private String actionError(Batch actions) {
        if (actions.size() != numEnvs) {
            return "expected one action per sub-environment (" + numEnvs + "), got " + actions.size();
        }
        for (int i = 0; i < numEnvs; i++) {
            if (!singleActionSpace().contains(actions.get(i))) {
                return "action " + actions.get(i) + " of sub-environment " + i + " is not in the action space " + singleActionSpace();
            }
        }
        return "actions of type " + actions.getClass().getSimpleName() + " do not fit the action space " + singleActionSpace();
    }

    @Override
    public void close() {
        closed = true;
    }
}
