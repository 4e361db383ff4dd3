package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.client.RemoteEnv;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.TimeLimit;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DqnTrainerTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();

    /** A small, fast configuration: learning starts early so short runs exercise every component. */
    private static DqnConfig quick(long seed, long maxEpisodes, int checkpointEvery) {
        DqnConfig d = DqnConfig.defaults();
        return new DqnConfig(seed, 100_000, maxEpisodes, List.of(32, 32), d.optimizer(), d.learningRate(), d.gamma(),
                5_000, 32, 200, 2, 1, 50, 1.0, true, d.loss(), d.maxGradNorm(), EpsilonSchedule.Kind.LINEAR,
                1.0, 0.05, 0.01, 0, 100, checkpointEvery);
    }

    /** Collects every report; optionally simulates a crash by throwing once {@code crashAt} is reached. */
    private static final class Recorder implements TrainingListener {
        final List<EpisodeReport> reports = new ArrayList<>();
        private final long crashAt;

        Recorder(long crashAt) {
            this.crashAt = crashAt;
        }

        Recorder() {
            this(Long.MAX_VALUE);
        }

        @Override
        public void onEpisode(EpisodeReport report) {
            if (report.episode() == crashAt) {
                throw new IllegalStateException("simulated kill");
            }
            reports.add(report);
        }

        List<Double> returns() {
            return reports.stream().map(r -> r.metrics().get(DqnTrainer.RETURN)).toList();
        }
    }

    private static Recorder train(DqnConfig config, Env env, Optional<Path> checkpoints) {
        Recorder recorder = new Recorder();
        new DqnTrainer(config, env, "test", checkpoints).train(recorder);
        return recorder;
    }

    @Test
    void aShortRunLearnsFarBetterThanARandomPolicy(@TempDir Path dir) {
        DqnConfig d = DqnConfig.defaults();
        DqnConfig config = new DqnConfig(3, 12_000, 0, d.hiddenLayers(), d.optimizer(), d.learningRate(), d.gamma(),
                d.bufferSize(), d.batchSize(), 500, d.trainFrequency(), d.gradientSteps(), d.targetUpdateInterval(),
                d.tau(), d.doubleDqn(), d.loss(), d.maxGradNorm(), d.epsilonSchedule(), 1.0, 0.0, 0.25, 0, 100, 0);
        try (Env env = REGISTRY.make("CartPole-v1")) {
            Recorder recorder = train(config, env, Optional.of(dir));
            assertTrue(recorder.reports.size() > 20);
            double[] greedy = GreedyEvaluator.of(DqnCheckpoint.loadModel(
                    DqnCheckpoint.latest(dir).orElseThrow().resolve(DqnCheckpoint.MODEL_FILE)), env).returns(20, 100);
            double greedyMean = java.util.Arrays.stream(greedy).average().orElseThrow();
            double randomMean = recorder.reports.subList(0, 10).stream()
                    .mapToDouble(r -> r.metrics().get(DqnTrainer.RETURN)).average().orElseThrow();
            assertTrue(randomMean < 40, "the first episodes explore at random: " + randomMean);
            assertTrue(greedyMean > 3 * randomMean, "greedy mean " + greedyMean + " vs random " + randomMean);
        }
    }

    @Test
    void theSameSeedGivesTheSameEpisodeReturns() {
        try (Env env = REGISTRY.make("CartPole-v1")) {
            List<Double> first = train(quick(7, 25, 0), env, Optional.empty()).returns();
            List<Double> second = train(quick(7, 25, 0), env, Optional.empty()).returns();
            List<Double> otherSeed = train(quick(8, 25, 0), env, Optional.empty()).returns();
            assertEquals(first, second);
            assertTrue(!first.equals(otherSeed), "another seed gives other episodes");
        }
    }

    @Test
    void aResumedRunContinuesExactlyAsAnUninterruptedOne(@TempDir Path dir) {
        try (Env env = REGISTRY.make("CartPole-v1")) {
            List<Double> uninterrupted = train(quick(5, 30, 10), env, Optional.of(dir.resolve("a"))).returns();

            Recorder killed = new Recorder(24);
            DqnTrainer doomed = new DqnTrainer(quick(5, 30, 10), env, "test", Optional.of(dir.resolve("b")));
            assertThrows(IllegalStateException.class, () -> doomed.train(killed));
            assertEquals(24, killed.reports.size());
            assertEquals(20, DqnCheckpoint.load(DqnCheckpoint.latest(dir.resolve("b")).orElseThrow()).nextEpisode());

            Recorder resumed = train(quick(5, 30, 10), env, Optional.of(dir.resolve("b")));
            assertEquals(20, resumed.reports.get(0).episode(), "resumes after the last checkpoint");
            assertEquals(uninterrupted.subList(20, 30), resumed.returns());
            assertEquals(uninterrupted.subList(0, 24), killed.returns());
        }
    }

    @Test
    void inProcessAndHttpEnvironmentsGiveIdenticalRuns(@TempDir Path dir) {
        GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofMinutes(5), 65_536, dir, false),
                REGISTRY).start();
        try (Env local = REGISTRY.make("CartPole-v1");
             Env remote = RemoteEnv.create("http://127.0.0.1:" + server.port(), "CartPole-v1", OptionalLong.empty())) {
            List<Double> inProcess = train(quick(11, 25, 0), local, Optional.empty()).returns();
            List<Double> overHttp = train(quick(11, 25, 0), remote, Optional.empty()).returns();
            assertEquals(inProcess, overHttp);
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerThatDiesMidRunStopsTrainingAndLeavesTheLastCheckpoint(@TempDir Path dir) {
        GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofMinutes(5), 65_536, dir, false),
                REGISTRY).start();
        Path checkpoints = dir.resolve("checkpoints");
        try {
            Env remote = RemoteEnv.create("http://127.0.0.1:" + server.port(), "CartPole-v1", OptionalLong.empty());
            TrainingListener killServer = new TrainingListener() {
                @Override
                public void onEpisode(EpisodeReport report) {
                    if (report.episode() == 5) {
                        server.stop();
                    }
                }
            };
            DqnTrainer trainer = new DqnTrainer(quick(2, 50, 5), remote, "test", Optional.of(checkpoints));
            RuntimeException e = assertThrows(RuntimeException.class, () -> trainer.train(killServer));
            assertTrue(e.getMessage().contains("Cannot reach the gym server"), e.getMessage());
            assertEquals(5, DqnCheckpoint.load(DqnCheckpoint.latest(checkpoints).orElseThrow()).nextEpisode());
        } finally {
            server.stop();
        }
    }

    @Test
    void aTimeLimitIsNotTreatedAsATerminalState() {
        DqnConfig d = DqnConfig.defaults();
        double gamma = 0.9;
        DqnConfig config = new DqnConfig(1, 4_000, 0, List.of(16), d.optimizer(), 5e-3, gamma, 1_000, 32, 32, 1, 1, 10,
                1.0, false, DqnConfig.Loss.MSE, 0, EpsilonSchedule.Kind.LINEAR, 1.0, 1.0, 1.0, 0, 10, 0);
        try (Env env = new TimeLimit(new ConstantRewardEnv(), 10)) {
            List<EpisodeReport> reports = train(config, env, Optional.empty()).reports;
            double q = reports.get(reports.size() - 1).metrics().get(DqnTrainer.Q_VALUES);
            // Bootstrapping through the cut gives 1 / (1 - gamma) = 10; treating it as terminal about 4.1.
            assertEquals(1 / (1 - gamma), q, 1.0);
        }
    }

    @Test
    void continuousActionsAreRefusedWithAHint() {
        try (Env env = REGISTRY.make("Pendulum-v1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DqnTrainer(DqnConfig.defaults(), env, "test", Optional.empty()));
            assertTrue(e.getMessage().contains("Discrete action space"), e.getMessage());
            assertTrue(e.getMessage().contains("Box"), e.getMessage());
        }
    }

    @Test
    void aDivergingLossStopsTrainingWithAHint() {
        DqnConfig d = DqnConfig.defaults();
        DqnConfig config = new DqnConfig(1, 20_000, 0, List.of(64, 64), DqnConfig.Optimizer.SGD, 1e6, 0.99, 5_000, 32,
                100, 1, 1, 1_000_000, 1.0, false, DqnConfig.Loss.MSE, 0, EpsilonSchedule.Kind.LINEAR, 1.0, 0.1, 0.5,
                0, 100, 0);
        try (Env env = REGISTRY.make("CartPole-v1")) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> train(config, env, Optional.empty()));
            assertTrue(e.getMessage().contains("--learning-rate"), e.getMessage());
        }
    }
}
