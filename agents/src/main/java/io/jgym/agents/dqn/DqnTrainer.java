package io.jgym.agents.dqn;

import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epsilon-greedy, experience-replay DQN loop over any {@link Env} with a Discrete action space,
 * in-process or remote alike. Read top to bottom: state (fresh or from the newest checkpoint), then
 * per step act, store, learn; per episode report, check the greedy policy when due, checkpoint, and
 * stop when the budget is spent, the task is solved or a stop is requested.
 *
 * <p>Each episode's reset is seeded from the run seed and the episode index, so a resumed run and an
 * uninterrupted one see the same episodes, and so do an in-process and a remote environment. Greedy
 * checks play on their own environment with fixed reset seeds and draw nothing from the training
 * random generator, so they leave the run unchanged.
 */
public final class DqnTrainer implements Trainer<Policy> {
    /** Metric names, CleanRL's where CleanRL has one. */
    public static final String RETURN = "charts/episodic_return";
    public static final String LENGTH = "charts/episodic_length";
    public static final String MOVING_AVERAGE = "charts/return_moving_average";
    public static final String EPSILON = "charts/epsilon";
    public static final String STEPS_PER_SECOND = "charts/SPS";
    public static final String TD_LOSS = "losses/td_loss";
    public static final String Q_VALUES = "losses/q_values";
    public static final String GREEDY_MEAN = "eval/greedy_mean";

    private static final Logger LOG = LoggerFactory.getLogger(DqnTrainer.class);

    private final DqnConfig config;
    private final Env env;
    private final Optional<Env> evalEnv;
    private final OptionalDouble solvedAt;
    private final ObservationEncoder encoder;
    private final int actions;
    private final long actionStart;

    /**
     * A trainer that owns (and closes) {@code env} and {@code evalEnv}.
     *
     * @param evalEnv  a second environment like {@code env} for greedy checks; needed when {@code evalEvery > 0}
     * @param solvedAt with {@code --stop-when-solved}, the greedy mean that ends training (the environment's reward threshold)
     * @throws IllegalArgumentException if the environment's actions are not Discrete
     */
    public DqnTrainer(DqnConfig config, Env env, Optional<Env> evalEnv, OptionalDouble solvedAt) {
        if (!(env.actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("DQN needs a Discrete action space, but this environment's is "
                    + env.actionSpace() + "; pick an environment with discrete actions (e.g. CartPole-v1, MountainCar-v0)");
        }
        if (config.evalEvery() > 0 && evalEnv.isEmpty()) {
            throw new IllegalArgumentException("--eval-every " + config.evalEvery() + " needs an environment for greedy checks");
        }
        this.config = config;
        this.env = env;
        this.evalEnv = evalEnv;
        this.solvedAt = solvedAt;
        this.encoder = new ObservationEncoder(env.observationSpace());
        this.actions = Math.toIntExact(discrete.n());
        this.actionStart = discrete.start();
    }

    /** What both jgym's and RL4J's DQN report after every episode, under the same names. */
    public static List<Metric> episodeMetrics(int solveWindow) {
        return List.of(
                Metric.higher(RETURN, "return", "%.1f"),
                Metric.higher(MOVING_AVERAGE, "mean" + solveWindow, "%.1f"),
                Metric.info(EPSILON, "epsilon", "%.3f"),
                Metric.timing(STEPS_PER_SECOND, "steps/s", "%,.0f"),
                Metric.info(LENGTH, "length", "%.0f").hidden());
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>(episodeMetrics(config.solveWindow()));
        all.add(Metric.loss(TD_LOSS, "loss", "%.4f"));
        all.add(Metric.info(Q_VALUES, "q", "%.2f").hidden());
        if (config.evalEvery() > 0) {
            all.add(Metric.higher(GREEDY_MEAN, "greedy", "%.1f"));
        }
        return List.copyOf(all);
    }

    @Override
    public Trained<Policy> train(TrainingContext context) {
        Optional<DqnCheckpoint> resumed = context.checkpoints().latest().map(DqnCheckpoint::load);
        Run run = resumed.map(this::resume).orElseGet(this::fresh);
        resumed.ifPresent(c -> LOG.info("resuming {} at episode {} ({} steps done)", context.runName(), c.nextEpisode(), c.totalSteps()));

        DqnLearner learner = new DqnLearner(run.online, run.target, config, encoder.size(), actions);
        GreedyActions greedy = new GreedyActions(run.online, encoder.size());
        Policy policy = GreedyPolicy.of(run.online, env.observationSpace(), env.actionSpace());
        StepSchedule schedule = config.schedule(run.horizon);
        DecayingLearningRate learningRate = new DecayingLearningRate(config, run.horizon);
        float[] observation = new float[encoder.size()];
        float[] nextObservation = new float[encoder.size()];
        long nextCheck = nextCheckAfter(run.totalSteps);
        boolean saved = resumed.isPresent(); // whether the store already holds the current state

        while (true) {
            if (solved(run.recentReturns) || greedySolved(run.bestGreedy)) {
                return finish(context, run, saved, Trained.Outcome.STOPPED_EARLY, policy);
            }
            if (run.totalSteps >= config.maxSteps() || (config.maxEpisodes() > 0 && run.episode >= config.maxEpisodes())) {
                return finish(context, run, saved, Trained.Outcome.FINISHED, policy);
            }
            if (context.stopRequested()) {
                return finish(context, run, saved, Trained.Outcome.CANCELLED, policy);
            }
            long started = System.nanoTime();
            encoder.encode(env.reset(episodeSeed(config.seed(), run.episode)).observation(), observation);
            double episodeReturn = 0;
            long length = 0;
            double lossSum = 0;
            double qSum = 0;
            long updates = 0;
            boolean done = false;
            while (!done && run.totalSteps < config.maxSteps()) {
                double epsilon = schedule.value(run.totalSteps);
                int action = run.random.nextDouble() < epsilon ? run.random.nextInt(actions) : greedy.act(observation);
                Step step = env.step(Value.of(actionStart + action));
                encoder.encode(step.observation(), nextObservation);
                run.buffer.add(observation, action, step.reward(), nextObservation, step.terminated());
                float[] swap = observation;
                observation = nextObservation;
                nextObservation = swap;
                episodeReturn += step.reward();
                length++;
                run.totalSteps++;
                done = step.done();
                if (run.totalSteps > config.learningStarts() && run.totalSteps % config.trainFrequency() == 0) {
                    learningRate.apply(run.online, run.totalSteps);
                    for (int g = 0; g < config.gradientSteps(); g++) {
                        DqnLearner.Update update = learner.step(run.buffer, run.random);
                        lossSum += update.tdLoss();
                        qSum += update.meanQ();
                        updates++;
                    }
                }
            }
            if (!done) {
                // The step budget ran out inside an episode: it is not reported; the final checkpoint keeps its steps.
                return finish(context, run, false, Trained.Outcome.FINISHED, policy);
            }
            run.recentReturns.addLast(episodeReturn);
            if (run.recentReturns.size() > config.solveWindow()) {
                run.recentReturns.removeFirst();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put(RETURN, episodeReturn);
            metrics.put(LENGTH, (double) length);
            metrics.put(MOVING_AVERAGE, average(run.recentReturns));
            metrics.put(EPSILON, schedule.value(run.totalSteps));
            metrics.put(STEPS_PER_SECOND, length / Math.max(seconds, 1e-9));
            if (updates > 0) {
                metrics.put(TD_LOSS, lossSum / updates);
                metrics.put(Q_VALUES, qSum / updates);
            }
            double greedyMean = Double.NaN;
            if (run.totalSteps >= nextCheck) {
                greedyMean = Arrays.stream(policy.returns(evalEnv.orElseThrow(), config.evalEpisodes(), Policy.EVALUATION_SEED))
                        .average().orElseThrow();
                metrics.put(GREEDY_MEAN, greedyMean);
                nextCheck = nextCheckAfter(run.totalSteps);
            }
            context.report(EpisodeReport.of(run.episode, run.totalSteps, metrics));
            run.episode++;
            saved = false;
            if (greedyMean > run.bestGreedy) { // false when no check ran (NaN)
                run.bestGreedy = greedyMean;
                MultiLayerNetwork online = run.online;
                context.checkpoints().saveBest(run.episode, greedyMean, folder -> DqnCheckpoint.writeModel(online, folder));
            }
            if (config.checkpointEvery() > 0 && run.episode % config.checkpointEvery() == 0) {
                save(context, run);
                saved = true;
            }
        }
    }

    /**
     * Everything a run changes as it trains, all of it saved in each checkpoint: networks, replay
     * memory, random generator, counters, recent returns, the exploration horizon it started with
     * and the best greedy mean so far.
     */
    private static final class Run {
        final MultiLayerNetwork online;
        final TargetNetwork target;
        final ReplayBuffer buffer;
        final SplitMix64 random;
        final ArrayDeque<Double> recentReturns;
        final long horizon;
        long episode;
        long totalSteps;
        double bestGreedy;

        Run(MultiLayerNetwork online, TargetNetwork target, ReplayBuffer buffer, SplitMix64 random,
            ArrayDeque<Double> recentReturns, long horizon, long episode, long totalSteps, double bestGreedy) {
            this.online = online;
            this.target = target;
            this.buffer = buffer;
            this.random = random;
            this.recentReturns = recentReturns;
            this.horizon = horizon;
            this.episode = episode;
            this.totalSteps = totalSteps;
            this.bestGreedy = bestGreedy;
        }
    }

    private Run fresh() {
        MultiLayerNetwork online = QNetworks.build(config, encoder.size(), actions);
        return new Run(online, new TargetNetwork(online, config.targetUpdateInterval(), config.tau()),
                new ReplayBuffer(config.bufferSize(), encoder.size()), new SplitMix64(SplitMix64.mix(config.seed())),
                new ArrayDeque<>(), config.maxSteps(), 0, 0, Double.NEGATIVE_INFINITY);
    }

    private Run resume(DqnCheckpoint saved) {
        TargetNetwork target = new TargetNetwork(saved.online(), config.targetUpdateInterval(), config.tau());
        saved.restoreTarget(target.network());
        SplitMix64 random = new SplitMix64(0);
        random.setState(saved.randomState());
        return new Run(saved.online(), target, saved.buffer(), random, new ArrayDeque<>(saved.recentReturns()),
                saved.scheduleHorizon(), saved.nextEpisode(), saved.totalSteps(), saved.bestGreedyMean());
    }

    /** Closes both environments. */
    @Override
    public void close() {
        try {
            env.close();
        } finally {
            evalEnv.ifPresent(Env::close);
        }
    }

    /** The reset seed of episode {@code episode} of a run: non-negative and 31-bit, as every gym server accepts. */
    public static long episodeSeed(long runSeed, long episode) {
        return SplitMix64.mix(runSeed * 0x9E3779B97F4A7C15L + episode) >>> 33;
    }

    /** The first multiple of {@code evalEvery} above {@code steps}: a greedy check is due at the first episode end from there. */
    private long nextCheckAfter(long steps) {
        return config.evalEvery() <= 0 ? Long.MAX_VALUE : (steps / config.evalEvery() + 1) * config.evalEvery();
    }

    /** Saves the state unless the store holds it already, and returns the policy. */
    private Trained<Policy> finish(TrainingContext context, Run run, boolean saved, Trained.Outcome outcome, Policy policy) {
        if (!saved) {
            save(context, run);
        }
        return context.trained(policy, outcome, run.episode);
    }

    /** Whether a greedy check has reached the {@code --stop-when-solved} level; checked again when a stopped run resumes. */
    private boolean greedySolved(double bestGreedy) {
        return solvedAt.isPresent() && bestGreedy >= solvedAt.getAsDouble();
    }

    private boolean solved(ArrayDeque<Double> recentReturns) {
        return config.solveReturn() > 0 && recentReturns.size() >= config.solveWindow()
                && average(recentReturns) >= config.solveReturn();
    }

    private static double average(ArrayDeque<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static void save(TrainingContext context, Run run) {
        DqnCheckpoint checkpoint = new DqnCheckpoint(run.online, run.target.network().params().data().asFloat(), run.buffer,
                run.random.state(), run.episode, run.totalSteps, new ArrayDeque<>(run.recentReturns), run.horizon,
                run.bestGreedy);
        context.checkpoints().save(run.episode, checkpoint::writeTo);
    }
}
