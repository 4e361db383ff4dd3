package io.jgym.agents.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.agents.dqn.GreedyEvaluator;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RL4J's DQN runs on DL4J M2.1 through the MDP adapter and reports like jgym's DQN. */
class Rl4jDqnTrainerTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();

    @Test
    void trainsOnAJgymEnvironmentAndReportsEveryEpisode() {
        List<EpisodeReport> reports = new ArrayList<>();
        try (Env env = REGISTRY.make("CartPole-v1"); Env evalEnv = REGISTRY.make("CartPole-v1")) {
            Rl4jDqnTrainer trainer = new Rl4jDqnTrainer(Rl4jDqnConfig.defaults().with(3, 1_500, 0), env, "rl4j");
            trainer.train(new TrainingListener() {
                @Override
                public void onEpisode(EpisodeReport report) {
                    reports.add(report);
                }
            });
            assertTrue(reports.size() > 10, "episodes reported: " + reports.size());
            long steps = 0;
            for (EpisodeReport report : reports) {
                double length = report.metrics().get(DqnTrainer.LENGTH);
                assertEquals(length, report.metrics().get(DqnTrainer.RETURN), "CartPole pays 1 per step");
                steps += (long) length;
                assertEquals(steps, report.totalSteps());
            }
            double[] greedy = new GreedyEvaluator(evalEnv, trainer.greedyPolicy()).returns(3, 0);
            assertTrue(greedy[0] >= 8, "a greedy episode lasts at least 8 steps: " + greedy[0]);
        }
    }

    @Test
    void continuousActionsAreRefused() {
        try (Env env = REGISTRY.make("Pendulum-v1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Rl4jDqnTrainer(Rl4jDqnConfig.defaults(), env, "rl4j"));
            assertTrue(e.getMessage().contains("Discrete action space"), e.getMessage());
        }
    }
}
