package io.jgym.envs;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.EnvProvider;
import io.jgym.contracts.EnvSpec;
import io.jgym.envs.classic.Acrobot;
import io.jgym.envs.classic.CartPole;
import io.jgym.envs.classic.MountainCar;
import io.jgym.envs.classic.MountainCarContinuous;
import io.jgym.envs.classic.Pendulum;
import io.jgym.envs.toytext.Blackjack;
import io.jgym.envs.toytext.CliffWalking;
import io.jgym.envs.toytext.FrozenLake;
import io.jgym.envs.toytext.Taxi;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * Registers the classic Gymnasium environments under Gymnasium's ids, time limits and reward
 * thresholds (Gymnasium 1.2.3's registry), plus the old ids that existing clients still use:
 * FrozenLake-v0 and FrozenLake8x8-v0 (gym 0.x's thresholds), Pendulum-v0, Taxi-v2 and Blackjack-v0
 * (gym 0.x's defaults: no Sutton-and-Barto natural rule), each with today's dynamics.
 */
public final class ClassicEnvProvider implements EnvProvider {

    @Override
    public List<EnvSpec> specs() {
        return List.of(
                limited("CartPole-v0", CartPole::create, 200, 195.0),
                limited("CartPole-v1", CartPole::create, 500, 475.0),
                limited("MountainCar-v0", MountainCar::create, 200, -110.0),
                limited("MountainCarContinuous-v0", MountainCarContinuous::create, 999, 90.0),
                limited("Acrobot-v1", Acrobot::create, 500, -100.0),
                limitedNoThreshold("Pendulum-v0", Pendulum::create, 200),
                limitedNoThreshold("Pendulum-v1", Pendulum::create, 200),
                limited("FrozenLake-v0", (id, o) -> FrozenLake.create(id, o, "4x4"), 100, 0.78),
                limited("FrozenLake-v1", (id, o) -> FrozenLake.create(id, o, "4x4"), 100, 0.70),
                limited("FrozenLake8x8-v0", (id, o) -> FrozenLake.create(id, o, "8x8"), 200, 0.99),
                limited("FrozenLake8x8-v1", (id, o) -> FrozenLake.create(id, o, "8x8"), 200, 0.85),
                limited("Taxi-v2", Taxi::create, 200, 8.0),
                limited("Taxi-v3", Taxi::create, 200, 8.0),
                unlimited("CliffWalking-v0", CliffWalking::create),
                unlimited("CliffWalking-v1", CliffWalking::create),
                unlimited("Blackjack-v0", (id, o) -> Blackjack.create(id, o, false)),
                unlimited("Blackjack-v1", (id, o) -> Blackjack.create(id, o, true)));
    }

    private static EnvSpec limited(String id, BiFunction<String, EnvOptions, Env> factory, int maxSteps, double threshold) {
        return new EnvSpec(id, options -> factory.apply(id, options), OptionalInt.of(maxSteps), OptionalDouble.of(threshold));
    }

    private static EnvSpec limitedNoThreshold(String id, BiFunction<String, EnvOptions, Env> factory, int maxSteps) {
        return new EnvSpec(id, options -> factory.apply(id, options), OptionalInt.of(maxSteps), OptionalDouble.empty());
    }

    private static EnvSpec unlimited(String id, BiFunction<String, EnvOptions, Env> factory) {
        return new EnvSpec(id, options -> factory.apply(id, options), OptionalInt.empty(), OptionalDouble.empty());
    }
}
