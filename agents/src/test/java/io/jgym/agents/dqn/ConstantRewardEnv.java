package io.jgym.agents.dqn;

import io.jgym.contracts.Env;
import io.jgym.contracts.Reset;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A one-state environment that pays 1 per step and never terminates: wrapped in a TimeLimit, every
 * episode ends by truncation only. Its true action value is 1 / (1 - gamma); an agent that treats
 * truncation as terminal learns a much smaller value.
 */
final class ConstantRewardEnv implements Env {
    private static final Value STATE = Value.of(0.5f);

    @Override
    public Space observationSpace() {
        return new Box(new float[] {0f}, new float[] {1f});
    }

    @Override
    public Space actionSpace() {
        return new Discrete(2);
    }

    @Override
    public Reset reset(OptionalLong seed) {
        return Reset.of(STATE);
    }

    @Override
    public Step step(Value action) {
        return new Step(STATE, 1.0, false, false, Map.of());
    }

    @Override
    public void close() {
    }
}
