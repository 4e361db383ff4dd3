package io.jgym.agents.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.agents.AgentRuns;
import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RL4J's DQN runs on DL4J M2.1 through the MDP adapter and reports like jgym's DQN. */
class Rl4jDqnTrainerTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();
    private static final Rl4jProvider PROVIDER = new Rl4jProvider();

    @Test
    void trainsOnAJgymEnvironmentAndReportsEveryEpisode() {
        Rl4jDqnConfig config = AgentRuns.config(PROVIDER, Rl4jDqnConfig.defaults(), Map.of("seed", 3, "maxSteps", 1_500));
        try (Trainer<Policy> trainer = PROVIDER.create(config); Env evalEnv = REGISTRY.make("CartPole-v1")) {
            AgentRuns.Run run = AgentRuns.train(PROVIDER, config, trainer);
            assertTrue(run.reports().size() > 10, "episodes reported: " + run.reports().size());
            assertEquals(Trained.Outcome.FINISHED, run.trained().outcome());
            assertEquals(run.reports().size(), run.trained().episodes());
            long steps = 0;
            for (EpisodeReport report : run.reports()) {
                double length = report.metrics().get(DqnTrainer.LENGTH);
                assertEquals(length, report.metrics().get(DqnTrainer.RETURN), "CartPole pays 1 per step");
                steps += (long) length;
                assertEquals(steps, report.totalSteps());
            }
            double[] greedy = run.trained().model().returns(evalEnv, 3, 0);
            assertTrue(greedy[0] >= 8, "a greedy episode lasts at least 8 steps: " + greedy[0]);
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
