package io.jgym.agents.rl4j;

import io.jgym.agents.dqn.DqnCheckpoint;
import io.jgym.agents.dqn.DqnTrainer;
import io.jgym.agents.dqn.GreedyPolicy;
import io.jgym.contracts.Env;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains RL4J's {@code QLearningDiscreteDense} on a jgym {@link Env} through {@link EnvMdp} and
 * reports each episode with the same metric names as jgym's {@link DqnTrainer}, so the runner, the
 * metrics file and the benchmark treat both alike. RL4J treats every episode end as terminal (it
 * has no notion of truncation) and keeps its own loop, so a run cannot be resumed; when it ends
 * (budget, solved, or a requested stop) its Q-network is saved as {@code model.zip} in a checkpoint,
 * which {@code eval} and {@code play} load like jgym's.
 */
public final class Rl4jDqnTrainer implements Trainer<Policy> {
    private final Rl4jDqnConfig config;
    private final Env env;

    /**
     * A trainer that owns (and closes) {@code env}.
     *
     * @throws IllegalArgumentException if the actions are not Discrete from 0
     */
    public Rl4jDqnTrainer(Rl4jDqnConfig config, Env env) {
        EnvMdp.actionCount(env); // refuses other action spaces before any training starts
        this.config = config;
        this.env = env;
    }

    @Override
    public List<Metric> metrics() {
        return DqnTrainer.episodeMetrics(config.solveWindow());
    }

    @Override
    public Trained<Policy> train(TrainingContext context) {
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
        Reporter reporter = new Reporter(context, dqn);
        dqn.addListener(reporter);
        dqn.train();

        MultiLayerNetwork trained = (MultiLayerNetwork) dqn.getNeuralNet().getNeuralNetworks()[0];
        context.checkpoints().save(reporter.episodes, folder -> DqnCheckpoint.writeModel(trained, folder));
        Trained.Outcome outcome = reporter.cancelled ? Trained.Outcome.CANCELLED
                : reporter.solved ? Trained.Outcome.STOPPED_EARLY : Trained.Outcome.FINISHED;
        return context.trained(GreedyPolicy.of(trained, env.observationSpace(), env.actionSpace()), outcome, reporter.episodes);
    }

    @Override
    public void close() {
        env.close();
    }

    /** Turns RL4J's per-episode callbacks into {@link EpisodeReport}s; stops once solved or when a stop is requested. */
    private final class Reporter implements org.deeplearning4j.rl4j.learning.listener.TrainingListener {
        private final TrainingContext context;
        private final QLearningDiscreteDense<Box> dqn;
        private final ArrayDeque<Double> recent = new ArrayDeque<>();
        private long episodeStarted = System.nanoTime();
        private long stepsBefore;
        long episodes;
        boolean solved;
        boolean cancelled;

        Reporter(TrainingContext context, QLearningDiscreteDense<Box> dqn) {
            this.context = context;
            this.dqn = dqn;
        }

        @Override
        public ListenerResponse onTrainingStart() {
            return stopIfRequested();
        }

        @Override
        public void onTrainingEnd() {
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
            context.report(EpisodeReport.of(stats.getEpochCounter(), stats.getStepCounter(), metrics));
            episodes++;
            solved = config.solveReturn() > 0 && recent.size() >= config.solveWindow() && average >= config.solveReturn();
            return solved ? ListenerResponse.STOP : stopIfRequested();
        }

        @Override
        public ListenerResponse onTrainingProgress(ILearning learning) {
            return ListenerResponse.CONTINUE;
        }

        private ListenerResponse stopIfRequested() {
            cancelled = context.stopRequested();
            return cancelled ? ListenerResponse.STOP : ListenerResponse.CONTINUE;
        }
    }
}
