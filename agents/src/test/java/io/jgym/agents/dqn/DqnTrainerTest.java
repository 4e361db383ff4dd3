package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.agents.AgentRuns;
import io.jgym.contracts.Env;
import io.jgym.contracts.EnvRegistry;
import io.jgym.contracts.TimeLimit;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingDivergedException;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.envs.vector.SyncVectorEnv;
import io.jgym.runs.CheckpointFolder;
import io.jgym.server.GymServer;
import io.jgym.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What jgym's DQN learns and how it behaves at its edges. Same-seed repeatability, exact resume,
 * cancel and extend are checked for every trainer by the kit ({@code AgentTrainersConformanceTest}).
 */
class DqnTrainerTest {
    private static final EnvRegistry REGISTRY = EnvRegistry.discover();
    private static final DqnProvider PROVIDER = new DqnProvider();

    /** The default preset with {@code settings} changed by name, as flags change them. */
    private static DqnConfig config(Map<String, Object> settings) {
        return AgentRuns.config(PROVIDER, DqnConfig.defaults(), settings);
    }

    /** A small, fast configuration: learning starts early so short runs exercise every component. */
    private static Map<String, Object> quick(long seed, long maxEpisodes, int checkpointEvery) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("seed", seed);
        settings.put("maxSteps", 100_000);
        settings.put("maxEpisodes", maxEpisodes);
        settings.put("hiddenLayers", List.of(32, 32));
        settings.put("bufferSize", 5_000);
        settings.put("batchSize", 32);
        settings.put("learningStarts", 200);
        settings.put("epsilonSchedule", "LINEAR");
        settings.put("epsilonStart", 1.0);
        settings.put("epsilonDecay", 0.01);
        settings.put("evalEvery", 0);
        settings.put("checkpointEvery", checkpointEvery);
        return settings;
    }

    private static Map<String, Object> with(Map<String, Object> settings, Object... keysAndValues) {
        Map<String, Object> changed = new LinkedHashMap<>(settings);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changed.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return changed;
    }

    private static AgentRuns.Run train(DqnConfig config, CheckpointStore store) {
        try (Trainer<Policy> trainer = PROVIDER.create(config)) {
            return AgentRuns.train(PROVIDER, config, trainer, store, new TrainingListener() { });
        }
    }

    /** {@code env} as the trainer collects from it: a vector of one that the trainer resets. */
    private static VectorEnv one(Env env) {
        return new SyncVectorEnv(List.of(env), AutoresetMode.DISABLED);
    }

    private static CheckpointStore store(Path folder, DqnConfig config) {
        return new CheckpointFolder(folder, 2, AgentRuns.provenance(PROVIDER, config));
    }

    @Test
    void aShortRunLearnsFarBetterThanARandomPolicy(@TempDir Path dir) {
        DqnConfig config = config(with(Map.of(), "seed", 3, "maxSteps", 12_000, "learningStarts", 500, "epsilonStart", 1.0,
                "epsilonEnd", 0.0, "epsilonDecay", 0.25, "evalEvery", 0, "checkpointEvery", 0));
        CheckpointStore store = store(dir, config);
        AgentRuns.Run run = train(config, store);
        assertTrue(run.reports().size() > 20);
        assertEquals(Trained.Outcome.FINISHED, run.trained().outcome());
        Policy saved = PROVIDER.load(config, store.latest().orElseThrow());
        try (Env env = REGISTRY.make("CartPole-v1")) {
            double greedyMean = Arrays.stream(saved.returns(env, 20, 100)).average().orElseThrow();
            double randomMean = run.reports().subList(0, 10).stream()
                    .mapToDouble(r -> r.metrics().get(DqnTrainer.RETURN)).average().orElseThrow();
            assertTrue(randomMean < 40, "the first episodes explore at random: " + randomMean);
            assertTrue(greedyMean > 3 * randomMean, "greedy mean " + greedyMean + " vs random " + randomMean);
            assertEquals(greedyMean, Arrays.stream(run.trained().model().returns(env, 20, 100)).average().orElseThrow(),
                    "the returned policy is the saved one");
        }
    }

    @Test
    void greedyChecksRunAtEachMultipleOfEvalEveryAndKeepTheBestModel(@TempDir Path dir) {
        DqnConfig config = config(with(quick(4, 40, 0), "evalEvery", 300, "evalEpisodes", 3));
        CheckpointStore store = store(dir, config);
        AgentRuns.Run run = train(config, store);
        List<EpisodeReport> reports = run.reports();
        long checks = 0;
        long previousSteps = 0;
        double best = Double.NEGATIVE_INFINITY;
        long bestEpisodes = -1;
        for (EpisodeReport report : reports) {
            boolean due = report.totalSteps() / 300 > previousSteps / 300;
            assertEquals(due, report.metrics().containsKey(DqnTrainer.GREEDY_MEAN),
                    "a check at each multiple of 300, reported by the episode it falls in, episode " + report.episode());
            if (due) {
                checks++;
                assertEquals(report.totalSteps() / 300 * 300, report.metrics().get(DqnTrainer.CHECK_STEP),
                        "made at the multiple itself, inside the episode, episode " + report.episode());
                double mean = report.metrics().get(DqnTrainer.GREEDY_MEAN);
                if (mean > best) {
                    best = mean;
                    bestEpisodes = report.episode(); // saved during the episode, when the episodes before it were done
                }
            }
            previousSteps = report.totalSteps();
        }
        assertTrue(checks >= 2, "greedy checks: " + checks);
        double last = finalCheck(run, config);
        if (last > best) { // the network the run ends with is checked too
            best = last;
            bestEpisodes = reports.size();
        }
        Checkpoint kept = store.best().orElseThrow();
        assertEquals(best, kept.score().orElseThrow());
        assertEquals(bestEpisodes, kept.episodesDone());

        DqnConfig unchecked = config(with(quick(4, 40, 0), "evalEvery", 0));
        assertEquals(run.values(DqnTrainer.RETURN), train(unchecked, CheckpointStore.none()).values(DqnTrainer.RETURN),
                "greedy checks leave training unchanged");
    }

    @Test
    void aRunThatEndsBeforeItsFirstCheckKeepsTheNetworkItEndsWithAsTheBest(@TempDir Path dir) {
        DqnConfig config = config(with(quick(5, 0, 0), "maxSteps", 400, "evalEvery", 1_000, "evalEpisodes", 3));
        CheckpointStore store = store(dir, config);
        AgentRuns.Run run = train(config, store);
        assertTrue(run.values(DqnTrainer.GREEDY_MEAN).isEmpty(), "no check falls due within 400 steps");
        Checkpoint kept = store.best().orElseThrow();
        assertEquals(finalCheck(run, config), kept.score().orElseThrow(), "the final network's check is kept as the best");
        assertEquals(run.reports().size(), kept.episodesDone());
    }

    /** The mean of a greedy check of the policy a run returned, played as the trainer plays its checks. */
    private static double finalCheck(AgentRuns.Run run, DqnConfig config) {
        try (Env env = REGISTRY.make(config.env())) {
            return Arrays.stream(run.trained().model().returns(env, config.evalEpisodes(), Policy.EVALUATION_SEED)).average().orElseThrow();
        }
    }

    @Test
    void stopWhenSolvedEndsAtTheFirstGreedyCheckThatReachesTheLevelAndAResumedRunStaysStopped(@TempDir Path dir) {
        DqnConfig config = config(with(quick(6, 0, 0), "evalEvery", 300, "evalEpisodes", 3, "stopWhenSolved", true));
        CheckpointStore store = store(dir, config);
        // Any CartPole episode lasts at least 8 steps, so the first check reaches a level of 8: training ends there.
        try (Trainer<Policy> trainer = new DqnTrainer(config, one(REGISTRY.make("CartPole-v1")), Optional.of(REGISTRY.make("CartPole-v1")),
                OptionalDouble.of(8))) {
            AgentRuns.Run run = AgentRuns.train(PROVIDER, config, trainer, store, new TrainingListener() { });
            assertEquals(Trained.Outcome.STOPPED_EARLY, run.trained().outcome());
            EpisodeReport last = run.reports().get(run.reports().size() - 1);
            assertTrue(last.metrics().get(DqnTrainer.GREEDY_MEAN) >= 8, "the run ends with the check that solved it");
            assertEquals(1, run.values(DqnTrainer.GREEDY_MEAN).size(), "no check after the solving one");
            assertTrue(last.totalSteps() >= 300 && last.totalSteps() < 300 + 500, "stopped at the first check: " + last.totalSteps());
            assertEquals(run.reports().size() - 1, store.best().orElseThrow().episodesDone(),
                    "the solving network, saved during the last episode, is the best checkpoint");

            AgentRuns.Run resumed = AgentRuns.train(PROVIDER, config, trainer, store, new TrainingListener() { });
            assertEquals(Trained.Outcome.STOPPED_EARLY, resumed.trained().outcome());
            assertTrue(resumed.reports().isEmpty(), "a solved run resumes as solved");
        }
    }

    @Test
    void stopWhenSolvedNeedsGreedyChecksAndARewardThreshold() {
        IllegalArgumentException noChecks = assertThrows(IllegalArgumentException.class,
                () -> config(with(quick(1, 5, 0), "stopWhenSolved", true)));
        assertEquals("--stop-when-solved needs greedy checks: give --eval-every a positive value", noChecks.getMessage());
        DqnConfig blackjack = config(with(quick(1, 5, 0), "env", "Blackjack-v1", "evalEvery", 100, "stopWhenSolved", true));
        IllegalArgumentException noThreshold = assertThrows(IllegalArgumentException.class, () -> PROVIDER.create(blackjack));
        assertTrue(noThreshold.getMessage().startsWith("--stop-when-solved needs a reward threshold, and Blackjack-v1 has none"),
                noThreshold.getMessage());
    }

    @Test
    void anExtendedRunKeepsTheLinearExplorationScheduleItStartedWith(@TempDir Path dir) {
        Map<String, Object> settings = with(quick(6, 0, 0), "maxSteps", 1_000, "epsilonEnd", 0.05, "epsilonDecay", 0.5);
        DqnConfig first = config(settings);
        CheckpointStore store = store(dir, first);
        AgentRuns.Run started = train(first, store);
        assertEquals(Trained.Outcome.FINISHED, started.trained().outcome());

        AgentRuns.Run extended = train(config(with(settings, "maxSteps", 3_000)), store);
        EpisodeReport next = extended.reports().get(0);
        assertEquals(started.reports().size(), next.episode(), "continues after the last whole episode");
        assertTrue(next.totalSteps() > 1_000, "steps " + next.totalSteps());
        // Decaying over half of the 1,000 steps the run started with, not half of 3,000.
        assertEquals(0.05, next.metrics().get(DqnTrainer.EPSILON), 1e-12);
        assertEquals(3_000, extended.reports().get(extended.reports().size() - 1).totalSteps(), 500);
    }

    @Test
    void aDecayingLearningRateChangesTrainingOnceLearningStarts() {
        Map<String, Object> settings = with(quick(6, 12, 0), "maxSteps", 1_000);
        List<EpisodeReport> constant = train(config(settings), CheckpointStore.none()).reports();
        List<EpisodeReport> decaying = train(config(with(settings, "learningRateEnd", 1e-5)), CheckpointStore.none()).reports();
        assertEquals(constant.get(0).metrics().get(DqnTrainer.RETURN), decaying.get(0).metrics().get(DqnTrainer.RETURN),
                "the same episodes until the rate matters");
        assertTrue(!constant.get(constant.size() - 1).metrics().equals(decaying.get(decaying.size() - 1).metrics()),
                "a rate falling to 1e-5 over 1,000 steps trains another network");
    }

    @Test
    void maxEpisodeStepsCutsTrainingAndGreedyEpisodesWhereTheEnvironmentHasNoLimit() {
        DqnConfig cliff = config(with(quick(2, 3, 0), "env", "CliffWalking-v1", "maxEpisodeSteps", 30));
        List<Double> lengths = train(cliff, CheckpointStore.none()).values(DqnTrainer.LENGTH);
        assertEquals(3, lengths.size());
        assertTrue(lengths.stream().allMatch(length -> length <= 30), lengths.toString());
        try (Env env = PROVIDER.environment(cliff)) {
            double greedy = ((Policy) observation -> Value.of(0)).playEpisode(env, 1, step -> { }); // "up" forever never reaches the goal
            assertEquals(-30, greedy, "an episode that cannot end is cut");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(Map.of("maxEpisodeSteps", -1)));
        assertEquals("--max-episode-steps must be 0 (the environment's limit) or positive, got -1", e.getMessage());
    }

    @Test
    void inProcessAndHttpEnvironmentsGiveIdenticalRuns(@TempDir Path dir) {
        GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofMinutes(5), 65_536, dir, false),
                REGISTRY).start();
        try {
            List<Double> inProcess = train(config(quick(11, 25, 0)), CheckpointStore.none()).values(DqnTrainer.RETURN);
            DqnConfig remote = config(with(quick(11, 25, 0), "server", "http://127.0.0.1:" + server.port()));
            List<Double> overHttp = train(remote, CheckpointStore.none()).values(DqnTrainer.RETURN);
            assertEquals(25, inProcess.size());
            assertEquals(inProcess, overHttp);
        } finally {
            server.stop();
        }
    }

    @Test
    void severalEnvironmentsCollectTogetherInProcessAndOnAServerAlike(@TempDir Path dir) {
        DqnConfig together = config(with(quick(12, 0, 0), "maxSteps", 1_500, "numEnvs", 4));
        List<EpisodeReport> inProcess = train(together, CheckpointStore.none()).reports();
        assertTrue(inProcess.size() > 20, "episodes of four CartPoles: " + inProcess.size());
        long lengths = inProcess.stream().mapToLong(r -> r.metrics().get(DqnTrainer.LENGTH).longValue()).sum();
        long steps = inProcess.get(inProcess.size() - 1).totalSteps();
        assertTrue(lengths <= steps && steps - lengths < 4 * 500, "every step belongs to a reported or unfinished episode");
        assertEquals(0, steps % 4, "each call steps all four");

        GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofMinutes(5), 65_536, dir, false),
                REGISTRY).start();
        try {
            DqnConfig remote = config(with(quick(12, 0, 0), "maxSteps", 1_500, "numEnvs", 4, "server", "http://127.0.0.1:" + server.port()));
            List<EpisodeReport> overHttp = train(remote, CheckpointStore.none()).reports();
            assertEquals(returns(inProcess), returns(overHttp), "one vector environment on the server, the same episodes");
        } finally {
            server.stop();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("numEnvs", 2, "server", "http://127.0.0.1:1", "maxEpisodeSteps", 50)));
        assertTrue(e.getMessage().startsWith("--max-episode-steps cannot cut episodes of several environments on a server"), e.getMessage());
    }

    private static List<Double> returns(List<EpisodeReport> reports) {
        return reports.stream().map(r -> r.metrics().get(DqnTrainer.RETURN)).toList();
    }

    @Test
    void aServerThatDiesMidRunStopsTrainingAndLeavesTheLastCheckpoint(@TempDir Path dir) {
        GymServer server = GymServer.create(new ServerConfig("127.0.0.1", 0, 10, Duration.ofMinutes(5), 65_536, dir, false),
                REGISTRY).start();
        try {
            DqnConfig config = config(with(quick(2, 50, 5), "server", "http://127.0.0.1:" + server.port()));
            CheckpointStore store = store(dir.resolve("checkpoints"), config);
            TrainingListener killServer = new TrainingListener() {
                @Override
                public void onEpisode(EpisodeReport report) {
                    if (report.episode() == 5) {
                        server.stop();
                    }
                }
            };
            Trainer<Policy> trainer = PROVIDER.create(config); // not closed: its server is gone
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> AgentRuns.train(PROVIDER, config, trainer, store, killServer));
            assertTrue(e.getMessage().contains("Cannot reach the gym server"), e.getMessage());
            assertEquals(5, store.latest().orElseThrow().episodesDone());
            assertEquals(5, DqnCheckpoint.load(store.latest().orElseThrow()).nextEpisode());
        } finally {
            server.stop();
        }
    }

    @Test
    void aTimeLimitIsNotTreatedAsATerminalState() {
        double gamma = 0.9;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.putAll(Map.of("seed", 1, "maxSteps", 4_000, "hiddenLayers", List.of(16), "learningRate", 5e-3,
                "gamma", gamma, "bufferSize", 1_000, "batchSize", 32, "learningStarts", 32, "trainFrequency", 1,
                "targetUpdateInterval", 10));
        settings.putAll(Map.of("doubleDqn", false, "loss", "MSE", "epsilonSchedule", "LINEAR", "epsilonStart", 1.0,
                "epsilonEnd", 1.0, "epsilonDecay", 1.0, "solveWindow", 10, "evalEvery", 0, "checkpointEvery", 0));
        DqnConfig config = config(settings);
        try (DqnTrainer trainer = new DqnTrainer(config, one(new TimeLimit(new ConstantRewardEnv(), 10)), Optional.empty(), OptionalDouble.empty())) {
            List<Double> q = AgentRuns.train(PROVIDER, config, trainer).values(DqnTrainer.Q_VALUES);
            // Bootstrapping through the cut gives 1 / (1 - gamma) = 10; treating it as terminal about 4.1.
            assertEquals(1 / (1 - gamma), q.get(q.size() - 1), 1.0);
        }
    }

    @Test
    void continuousActionsAreRefusedWithAHint() {
        DqnConfig config = config(Map.of("env", "Pendulum-v1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PROVIDER.create(config));
        assertTrue(e.getMessage().contains("Discrete action space"), e.getMessage());
        assertTrue(e.getMessage().contains("Box"), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedByTheirFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(Map.of("batchSize", 0)));
        assertEquals("--batch-size must be positive, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config(Map.of("bufferSize", 10, "batchSize", 32)));
        assertEquals("--buffer-size (10) must hold at least one batch (32)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config(Map.of("server", "localhost:5000")));
        assertTrue(e.getMessage().startsWith("--server must be an http:// or https:// URL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config(Map.of("evalEpisodes", 0)));
        assertEquals("--eval-episodes must be positive, got 0", e.getMessage());
    }

    @Test
    void anUnreachableServerIsNamedWithTheEnvironment() {
        DqnConfig config = config(Map.of("server", "http://127.0.0.1:1"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PROVIDER.create(config));
        assertTrue(e.getMessage().startsWith("could not create CartPole-v1 on the gym server at http://127.0.0.1:1: "),
                e.getMessage());
    }

    @Test
    void targetsAreTheEnvironmentsRewardThreshold() {
        assertEquals(List.of(new Target(DqnTrainer.GREEDY_MEAN, 475).measuredAt(DqnTrainer.CHECK_STEP),
                        new Target(DqnTrainer.MOVING_AVERAGE, 475, 100)),
                PROVIDER.targets(DqnConfig.defaults()),
                "a greedy check counts at the step it was made; the moving average once its window of 100 episodes is full");
        assertEquals(List.of(new Target(DqnTrainer.GREEDY_MEAN, -100).measuredAt(DqnTrainer.CHECK_STEP),
                        new Target(DqnTrainer.MOVING_AVERAGE, -100, 100)),
                PROVIDER.targets(PROVIDER.presets().get("acrobot")), "each environment preset is judged by its own threshold");
        assertEquals(-110, PROVIDER.targets(PROVIDER.presets().get("mountain-car")).get(0).level());
        assertEquals(0.7, PROVIDER.targets(PROVIDER.presets().get("frozen-lake")).get(0).level());
        assertEquals(8, PROVIDER.targets(PROVIDER.presets().get("taxi")).get(0).level());
        assertEquals(List.of(), PROVIDER.targets(PROVIDER.presets().get("cliff-walking")), "CliffWalking-v1 has no registered threshold");
        assertEquals(List.of(new Target(DqnTrainer.MOVING_AVERAGE, 475, 100)), PROVIDER.targets(config(Map.of("evalEvery", 0))),
                "without greedy checks there is no greedy mean to reach (bench --eval-every 0 failed on it after training)");
    }

    @Test
    void aDivergingLossStopsTrainingWithAHint() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.putAll(Map.of("seed", 1, "maxSteps", 20_000, "optimizer", "SGD", "learningRate", 1e6, "bufferSize", 5_000,
                "batchSize", 32, "learningStarts", 100, "trainFrequency", 1, "targetUpdateInterval", 1_000_000,
                "doubleDqn", false));
        settings.putAll(Map.of("epsilonSchedule", "LINEAR", "epsilonStart", 1.0, "epsilonEnd", 0.1, "epsilonDecay", 0.5,
                "evalEvery", 0, "checkpointEvery", 0));
        DqnConfig config = config(settings);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> train(config, CheckpointStore.none()));
        assertTrue(e.getMessage().contains("--learning-rate"), e.getMessage());
        assertTrue(e.getMessage().contains(DqnTrainer.TD_LOSS), e.getMessage());
    }
}
