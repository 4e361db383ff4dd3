package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GreedyEvaluatorTest {

    @Test
    void meanReachesJudgesTheMeanAndGivesUpOnceTheThresholdIsOutOfReach() {
        AtomicInteger decisions = new AtomicInteger();
        try (Env env = EnvRegistry.discover().make("CartPole-v1")) {
            // Always pushing left ends a CartPole episode after about 10 steps.
            GreedyEvaluator alwaysLeft = new GreedyEvaluator(env, observation -> {
                decisions.incrementAndGet();
                return 0;
            });
            assertTrue(alwaysLeft.meanReaches(5, 1, 5, 500), "episodes of ~10 steps average at least 5");
            decisions.set(0);
            assertFalse(alwaysLeft.meanReaches(100, 1, 475, 500), "they do not average 475");
            assertTrue(decisions.get() < 200, "gave up after a few episodes instead of playing 100: "
                    + decisions.get() + " decisions");
        }
    }
}
