package io.jgym.agents.dqn;

import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epsilon-greedy, experience-replay DQN loop over any {@link Env} with a Discrete action space,
 * in-process or remote alike. Read top to bottom: networks, replay memory, then per step act,
 * store, learn; per episode report and (every {@code checkpointEvery} episodes) checkpoint.
 *
 * <p>Each episode's reset is seeded from the run seed and the episode index, so a resumed run and an
 * uninterrupted one see the same episodes, and so do an in-process and a remote environment.
 */
public final class DqnTrainer implements Trainer {
    /** Metric names, CleanRL's where CleanRL has one. */
    public static final String RETURN = "charts/episodic_return";
    public static final String LENGTH = "charts/episodic_length";
    public static final String MOVING_AVERAGE = "charts/return_moving_average";
    public static final String EPSILON = "charts/epsilon";
    public static final String STEPS_PER_SECOND = "charts/SPS";
    public static final String TD_LOSS = "losses/td_loss";
    public static final String Q_VALUES = "losses/q_values";

    private static final Logger LOG = LoggerFactory.getLogger(DqnTrainer.class);

    private final DqnConfig config;
    private final Env env;
    private final String runName;
    private final Optional<Path> checkpoints;
    private final ObservationEncoder encoder;
    private final int actions;
    private final long actionStart;
    private MultiLayerNetwork trained;

    /**
     * @param checkpoints folder for checkpoints; a checkpoint already there is resumed from
     * @throws IllegalArgumentException if the environment's actions are not Discrete
     */
    public DqnTrainer(DqnConfig config, Env env, String runName, Optional<Path> checkpoints) {
        if (!(env.actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("DQN needs a Discrete action space, but this environment's is "
                    + env.actionSpace() + "; pick an environment with discrete actions (e.g. CartPole-v1, MountainCar-v0)");
        }
        this.config = config;
        this.env = env;
        this.runName = runName;
        this.checkpoints = checkpoints;
        this.encoder = new ObservationEncoder(env.observationSpace());
        this.actions = Math.toIntExact(discrete.n());
        this.actionStart = discrete.start();
    }

    @Override
    public void train(TrainingListener listener) {
        Optional<DqnCheckpoint> resumed = checkpoints.flatMap(DqnCheckpoint::latest).map(DqnCheckpoint::load);
        MultiLayerNetwork online = resumed.map(DqnCheckpoint::online)
                .orElseGet(() -> QNetworks.build(config, encoder.size(), actions));
        TargetNetwork target = new TargetNetwork(online, config.targetUpdateInterval(), config.tau());
        resumed.ifPresent(c -> c.restoreTarget(target.network()));
        ReplayBuffer buffer = resumed.map(DqnCheckpoint::buffer)
                .orElseGet(() -> new ReplayBuffer(config.bufferSize(), encoder.size()));
        SplitMix64 random = new SplitMix64(SplitMix64.mix(config.seed()));
        resumed.ifPresent(c -> random.setState(c.randomState()));
        ArrayDeque<Double> recentReturns = resumed.map(DqnCheckpoint::recentReturns).orElseGet(ArrayDeque::new);
        long episode = resumed.map(DqnCheckpoint::nextEpisode).orElse(0L);
        long totalSteps = resumed.map(DqnCheckpoint::totalSteps).orElse(0L);
        resumed.ifPresent(c -> LOG.info("resuming {} at episode {} ({} steps done)", runName, c.nextEpisode(), c.totalSteps()));

        trained = online;
        DqnLearner learner = new DqnLearner(online, target, config, encoder.size(), actions);
        GreedyPolicy policy = new GreedyPolicy(online, encoder.size());
        EpsilonSchedule schedule = config.schedule();
        float[] observation = new float[encoder.size()];
        float[] nextObservation = new float[encoder.size()];

        listener.onStart(runName);
        try {
            while (totalSteps < config.maxSteps() && (config.maxEpisodes() == 0 || episode < config.maxEpisodes())
                    && !solved(recentReturns)) {
                long started = System.nanoTime();
                encoder.encode(env.reset(episodeSeed(config.seed(), episode)).observation(), observation);
                double episodeReturn = 0;
                long length = 0;
                double lossSum = 0;
                double qSum = 0;
                long updates = 0;
                boolean done = false;
                while (!done && totalSteps < config.maxSteps()) {
                    double epsilon = schedule.value(totalSteps);
                    int action = random.nextDouble() < epsilon ? random.nextInt(actions) : policy.act(observation);
                    Step step = env.step(Value.of(actionStart + action));
                    encoder.encode(step.observation(), nextObservation);
                    buffer.add(observation, action, step.reward(), nextObservation, step.terminated());
                    float[] swap = observation;
                    observation = nextObservation;
                    nextObservation = swap;
                    episodeReturn += step.reward();
                    length++;
                    totalSteps++;
                    done = step.done();
                    if (totalSteps > config.learningStarts() && totalSteps % config.trainFrequency() == 0) {
                        for (int g = 0; g < config.gradientSteps(); g++) {
                            DqnLearner.Update update = learner.step(buffer, random);
                            lossSum += update.tdLoss();
                            qSum += update.meanQ();
                            updates++;
                        }
                    }
                }
                if (!done) {
                    break;
                }
                recentReturns.addLast(episodeReturn);
                if (recentReturns.size() > config.solveWindow()) {
                    recentReturns.removeFirst();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put(RETURN, episodeReturn);
                metrics.put(LENGTH, (double) length);
                metrics.put(MOVING_AVERAGE, recentReturns.stream().mapToDouble(Double::doubleValue).average().orElse(0));
                metrics.put(EPSILON, schedule.value(totalSteps));
                metrics.put(STEPS_PER_SECOND, length / Math.max(seconds, 1e-9));
                metrics.put(TD_LOSS, updates == 0 ? Double.NaN : lossSum / updates);
                metrics.put(Q_VALUES, updates == 0 ? Double.NaN : qSum / updates);
                listener.onEpisode(EpisodeReport.of(episode, totalSteps, metrics));
                episode++;
                if (config.checkpointEvery() > 0 && episode % config.checkpointEvery() == 0) {
                    checkpoint(online, target, buffer, random, episode, totalSteps, recentReturns);
                }
            }
            checkpoint(online, target, buffer, random, episode, totalSteps, recentReturns);
        } finally {
            listener.onEnd();
        }
    }

    /** The online Q-network as training left it; available once {@link #train} has started. */
    public MultiLayerNetwork network() {
        if (trained == null) {
            throw new IllegalStateException("train first");
        }
        return trained;
    }

    /** The reset seed of episode {@code episode} of a run: non-negative and 31-bit, as every gym server accepts. */
    public static long episodeSeed(long runSeed, long episode) {
        return SplitMix64.mix(runSeed * 0x9E3779B97F4A7C15L + episode) >>> 33;
    }

    private boolean solved(ArrayDeque<Double> recentReturns) {
        return config.solveReturn() > 0 && recentReturns.size() >= config.solveWindow()
                && recentReturns.stream().mapToDouble(Double::doubleValue).average().orElse(0) >= config.solveReturn();
    }

    private void checkpoint(MultiLayerNetwork online, TargetNetwork target, ReplayBuffer buffer, SplitMix64 random,
                            long nextEpisode, long totalSteps, ArrayDeque<Double> recentReturns) {
        checkpoints.ifPresent(dir -> new DqnCheckpoint(online, target.network().params().data().asFloat(), buffer,
                random.state(), nextEpisode, totalSteps, new ArrayDeque<>(recentReturns)).save(dir));
    }
}
