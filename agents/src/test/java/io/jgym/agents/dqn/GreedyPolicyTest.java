package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.Policy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GreedyPolicyTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();

    @Test
    void playsRepeatableEpisodesWithTheChosenActions() {
        AtomicInteger decisions = new AtomicInteger();
        try (Env env = REGISTRY.make("CartPole-v1")) {
            // Always pushing left ends a CartPole episode after about 10 steps.
            Policy alwaysLeft = new GreedyPolicy(observation -> {
                decisions.incrementAndGet();
                return 0;
            }, env.observationSpace(), env.actionSpace());
            assertEquals(Value.of(0), alwaysLeft.act(env.reset(1).observation()));
            double[] returns = alwaysLeft.returns(env, 5, 1);
            double mean = Arrays.stream(returns).average().orElseThrow();
            assertTrue(mean >= 5 && mean < 50, "episodes of ~10 steps: " + mean);
            assertArrayEquals(returns, alwaysLeft.returns(env, 5, 1), "episode i starts from reset seed 1 + i");
        }
    }

    @Test
    void aModelForAnotherEnvironmentIsRefused() {
        try (Env env = REGISTRY.make("CartPole-v1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GreedyPolicy.of(
                    QNetworks.build(DqnConfig.defaults(), 3, 2), env.observationSpace(), env.actionSpace()));
            assertEquals("the model takes 3 inputs and scores 2 actions, but this environment has 4 observation values"
                    + " and the action space " + env.actionSpace(), e.getMessage());
        }
        try (Env env = REGISTRY.make("Pendulum-v1")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new GreedyPolicy(observation -> 0, env.observationSpace(), env.actionSpace()));
        }
    }
}
