package io.jgym.agents.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.agents.AgentRuns;
import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.TimeLimit;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RL4J's DQN runs on DL4J M2.1 through the MDP adapter, reports like jgym's DQN, and learns better than a random policy. */
class Rl4jDqnTrainerTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();
    private static final Rl4jProvider PROVIDER = new Rl4jProvider();

    @Test
    void learnsToKeepOffTheCliffWhereARandomPolicyFallsAndReportsEveryEpisode() {
        Rl4jDqnConfig config = AgentRuns.config(PROVIDER, Rl4jDqnConfig.defaults(), Map.of("seed", 3, "env", "CliffWalking-v1",
                "maxSteps", 1_500, "maxEpochStep", 100, "epsilonSteps", 1_000, "targetUpdateFreq", 100));
        try (Trainer<Policy> trainer = PROVIDER.create(config); Env evalEnv = new TimeLimit(REGISTRY.make("CliffWalking-v1"), 100)) {
            AgentRuns.Run run = AgentRuns.train(PROVIDER, config, trainer);
            assertEquals(Trained.Outcome.FINISHED, run.trained().outcome());
            assertEquals(run.reports().size(), run.trained().episodes());
            long steps = 0;
            for (EpisodeReport report : run.reports()) {
                steps += report.metrics().get(DqnTrainer.LENGTH).longValue();
                assertEquals(steps, report.totalSteps(), "every episode is reported with its length");
            }

            SplittableRandom coin = new SplittableRandom(7);
            double random = Arrays.stream(((Policy) observation -> Value.of(coin.nextInt(4))).returns(evalEnv, 10, 0))
                    .average().orElseThrow();
            double greedy = Arrays.stream(run.trained().model().returns(evalEnv, 10, 0)).average().orElseThrow();
            // Each fall costs -100 and sends the walker back to the start; 100 steps without a fall score -100.
            assertTrue(random < -300, "a random walk falls off the cliff again and again: " + random);
            assertTrue(greedy >= -100, "RL4J's greedy policy never falls within 100 steps: " + greedy + " (random: " + random + ")");
        }
    }

    @Test
    void continuousActionsAreRefused() {
        Rl4jDqnConfig config = AgentRuns.config(PROVIDER, Rl4jDqnConfig.defaults(), Map.of("env", "Pendulum-v1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PROVIDER.create(config));
        assertTrue(e.getMessage().contains("Discrete action space"), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedByTheirFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentRuns.config(PROVIDER, Rl4jDqnConfig.defaults(), Map.of("numLayers", 0)));
        assertEquals("--num-layers must be positive, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AgentRuns.config(PROVIDER, Rl4jDqnConfig.defaults(), Map.of("bufferSize", 10)));
        assertEquals("--buffer-size (10) must hold at least one batch (32)", e.getMessage());
    }
}
