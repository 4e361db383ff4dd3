package io.jgym.examples.qlearning;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.Env;
import io.jgym.contracts.random.NumpyGenerator;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.runs.RunSpec;
import io.jgym.runs.TrainerRegistry;
import io.jgym.runs.TrainingRun;
import io.jgym.runs.kit.TrainerKit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin passes the trainer kit, learns FrozenLake, and refuses environments it cannot learn. */
class QLearningTrainerTest {
    private final QLearningProvider provider = (QLearningProvider) TrainerRegistry.discover().get("q-learning");

    @Test
    void passesTheTrainerKit(@TempDir Path runs) {
        TrainerKit.checkAll(new TrainerKit.Case(provider, Map.of("episodes", 30, "checkpointEvery", 4),
                Map.of("episodes", 40)), runs);
    }

    @Test
    void learnsToCrossTheLakeFarMoreOftenThanARandomPolicy(@TempDir Path runs) {
        Trained<Policy> trained = TrainingRun.plan(provider, RunSpec.fresh(runs, Map.of())).execute(List.of(), () -> false);
        try (Env env = provider.environment(QLearningConfig.defaults())) {
            double learned = Arrays.stream(trained.model().returns(env, 500, 1_000_000)).average().orElse(0);
            NumpyGenerator rng = NumpyGenerator.seeded(7);
            Policy random = observation -> env.actionSpace().sample(rng);
            double baseline = Arrays.stream(random.returns(env, 500, 1_000_000)).average().orElse(0);
            assertTrue(learned > baseline + 0.4, "greedy success " + learned + " against random " + baseline);
        }
    }

    @Test
    void refusesAnEnvironmentWithBoxObservations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.plan(provider, RunSpec.benchmark(java.util.Optional.empty(), Map.of("env", "CartPole-v1"),
                        Path.of("runs"))).execute(List.of(), () -> false));
        assertTrue(e.getMessage().startsWith("q-learning needs Discrete observations and actions"), e.getMessage());
    }
}
