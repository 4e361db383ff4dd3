package io.jgym.contracts;

import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Truncates episodes after a fixed number of steps, like Gymnasium's {@code TimeLimit} wrapper:
 * once the step count reaches the limit, {@code truncated} is set whatever {@code terminated} says.
 * Time limits belong to the {@link EnvSpec}, so environment code never counts steps itself.
 */
public final class TimeLimit implements Env {
    private final Env inner;
    private final int maxEpisodeSteps;
    private int elapsedSteps;

    public TimeLimit(Env inner, int maxEpisodeSteps) {
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("max_episode_steps must be positive, got " + maxEpisodeSteps);
        }
        this.inner = inner;
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    /** The limit this wrapper applies. */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    @Override
    public Space observationSpace() {
        return inner.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return inner.actionSpace();
    }

    @Override
    public Reset reset(OptionalLong seed) {
        Reset reset = inner.reset(seed);
        elapsedSteps = 0;
        return reset;
    }

    @Override
    public Step step(Value action) {
        Step step = inner.step(action);
        elapsedSteps++;
        return elapsedSteps >= maxEpisodeSteps ? step.withTruncated() : step;
    }

    @Override
    public Optional<Frame> render() {
        return inner.render();
    }

    @Override
    public void close() {
        inner.close();
    }
}
