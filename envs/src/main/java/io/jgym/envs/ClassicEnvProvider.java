package io.jgym.envs;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvProvider;
import io.jgym.contracts.EnvSpec;
import io.jgym.envs.classic.CartPole;
import io.jgym.envs.toytext.FrozenLake;
import java.util.List;

/**
 * Registers the classic Gymnasium environments under Gymnasium's ids, time limits and reward
 * thresholds, plus the old ids (such as {@code FrozenLake-v0}) that existing clients still use.
 */
public final class ClassicEnvProvider implements EnvProvider {

    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.of("CartPole-v0", options -> cartPole("CartPole-v0", options), 200, 195.0),
                EnvSpec.of("CartPole-v1", options -> cartPole("CartPole-v1", options), 500, 475.0),
                EnvSpec.of("FrozenLake-v0", options -> FrozenLake.create("FrozenLake-v0", options, "4x4"), 100, 0.78),
                EnvSpec.of("FrozenLake-v1", options -> FrozenLake.create("FrozenLake-v1", options, "4x4"), 100, 0.70),
                EnvSpec.of("FrozenLake8x8-v0", options -> FrozenLake.create("FrozenLake8x8-v0", options, "8x8"), 200, 0.99),
                EnvSpec.of("FrozenLake8x8-v1", options -> FrozenLake.create("FrozenLake8x8-v1", options, "8x8"), 200, 0.85));
    }

    private static CartPole cartPole(String id, EnvOptions options) {
        options.requireAllUsed(id);
        return new CartPole();
    }
}
