package io.jgym.agents.rl4j;

import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.contracts.Env;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains RL4J's {@code QLearningDiscreteDense} on a jgym {@link Env} through {@link EnvMdp} and
 * reports each episode with the same metric names as jgym's {@link DqnTrainer}, so the runner, the
 * metrics file and the benchmark treat both alike. RL4J treats every episode end as terminal (it
 * has no notion of truncation) and keeps its own loop, so it has no checkpoints or resume here.
 */
public final class Rl4jDqnTrainer implements Trainer {
    private final Rl4jDqnConfig config;
    private final Env env;
    private final String runName;
    private DQNPolicy<Box> policy;

    public Rl4jDqnTrainer(Rl4jDqnConfig config, Env env, String runName) {
        this.config = config;
        this.env = env;
        this.runName = runName;
        EnvMdp.actionCount(env); // refuses other action spaces before any training starts
    }

    @Override
    public void train(TrainingListener listener) {
        EnvMdp mdp = new EnvMdp(env, episode -> DqnTrainer.episodeSeed(config.seed(), episode));
        QLearning.QLConfiguration learning = QLearning.QLConfiguration.builder()
                .seed((int) config.seed()).maxEpochStep(config.maxEpochStep()).maxStep(config.maxSteps())
                .expRepMaxSize(config.bufferSize()).batchSize(config.batchSize())
                .targetDqnUpdateFreq(config.targetUpdateFreq()).updateStart(config.updateStart())
                .rewardFactor(config.rewardFactor()).gamma(config.gamma()).errorClamp(config.errorClamp())
                .minEpsilon((float) config.minEpsilon()).epsilonNbStep(config.epsilonSteps())
                .doubleDQN(config.doubleDqn()).build();
        DQNFactoryStdDense.Configuration network = DQNFactoryStdDense.Configuration.builder()
                .numLayer(config.numLayers()).numHiddenNodes(config.numHiddenNodes()).l2(config.l2())
                .updater(new Adam(config.learningRate())).build();
        QLearningDiscreteDense<Box> dqn = new QLearningDiscreteDense<>(mdp, network, learning);
        dqn.addListener(new Reporter(listener, dqn));
        listener.onStart(runName);
        try {
            dqn.train();
            policy = dqn.getPolicy();
        } finally {
            listener.onEnd();
        }
    }

    /** The trained greedy policy as an action for an encoded observation; available after {@link #train}. */
    public ToIntFunction<float[]> greedyPolicy() {
        if (policy == null) {
            throw new IllegalStateException("train first");
        }
        DQNPolicy<Box> trained = policy;
        return observation -> trained.nextAction(Nd4j.createFromArray(observation).reshape(1, observation.length));
    }

    /** Turns RL4J's per-episode callbacks into {@link EpisodeReport}s and stops once solved. */
    private final class Reporter implements org.deeplearning4j.rl4j.learning.listener.TrainingListener {
        private final TrainingListener listener;
        private final QLearningDiscreteDense<Box> dqn;
        private final ArrayDeque<Double> recent = new ArrayDeque<>();
        private long episodeStarted = System.nanoTime();
        private long stepsBefore;

        Reporter(TrainingListener listener, QLearningDiscreteDense<Box> dqn) {
            this.listener = listener;
            this.dqn = dqn;
        }

        @Override
        public ListenerResponse onTrainingStart() {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public void onTrainingEnd() {
            // The outer train() calls listener.onEnd() once, also when RL4J throws.
        }

        @Override
        public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
            episodeStarted = System.nanoTime();
            stepsBefore = trainer.getStepCount();
            return ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry stats) {
            recent.addLast(stats.getReward());
            if (recent.size() > config.solveWindow()) {
                recent.removeFirst();
            }
            double average = recent.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            long length = stats.getStepCounter() - stepsBefore;
            double seconds = (System.nanoTime() - episodeStarted) / 1e9;
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put(DqnTrainer.RETURN, stats.getReward());
            metrics.put(DqnTrainer.LENGTH, (double) length);
            metrics.put(DqnTrainer.MOVING_AVERAGE, average);
            metrics.put(DqnTrainer.EPSILON, (double) dqn.getEgPolicy().getEpsilon());
            metrics.put(DqnTrainer.STEPS_PER_SECOND, length / Math.max(seconds, 1e-9));
            listener.onEpisode(EpisodeReport.of(stats.getEpochCounter(), stats.getStepCounter(), metrics));
            boolean solved = config.solveReturn() > 0 && recent.size() >= config.solveWindow() && average >= config.solveReturn();
            return solved ? ListenerResponse.STOP : ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onTrainingProgress(ILearning learning) {
            return ListenerResponse.CONTINUE;
        }
    }
}
