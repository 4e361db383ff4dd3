package io.jgym.agents.dqn;

import io.jgym.contracts.Env;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.contracts.vector.AutoresetMode;
import io.jgym.contracts.vector.Batch;
import io.jgym.contracts.vector.VectorEnv;
import io.jgym.contracts.vector.VectorReset;
import io.jgym.contracts.vector.VectorStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epsilon-greedy, experience-replay DQN loop over any environment with a Discrete action space,
 * in-process or remote alike, collecting from one or several copies stepped together (a
 * {@link VectorEnv}; {@code --num-envs}). Read top to bottom: state (fresh or from the newest
 * checkpoint), then per step act in every copy, store, learn, and check the greedy policy when a
 * multiple of {@code --eval-every} steps is reached (as Stable-Baselines3's EvalCallback does,
 * inside an episode if need be); per ended episode report (with the check made during it),
 * checkpoint, and stop when the budget is spent, the task is solved or a stop is requested.
 *
 * <p>Each reset is seeded from the run seed and a count of resets, so with one environment a resumed
 * run and an uninterrupted one see the same episodes, and so do an in-process and a remote
 * environment. With several, a resumed run starts its unfinished episodes afresh. Greedy
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
    /** The step count at which the greedy check an episode reports was made (inside that episode). */
    public static final String CHECK_STEP = "eval/check_step";

    private static final Logger LOG = LoggerFactory.getLogger(DqnTrainer.class);

    private final DqnConfig config;
    private final VectorEnv envs;
    private final Optional<Env> evalEnv;
    private final OptionalDouble solvedAt;
    private final ObservationEncoder encoder;
    private final int actions;
    private final long actionStart;

    /**
     * A trainer that owns (and closes) {@code envs} and {@code evalEnv}.
     *
     * @param envs     the environments to collect from, reset by the trainer (autoreset disabled); one
     *                 sub-environment trains exactly as a single environment would
     * @param evalEnv  an environment like a sub-environment of {@code envs} for greedy checks; needed when {@code evalEvery > 0}
     * @param solvedAt with {@code --stop-when-solved}, the greedy mean that ends training (the environment's reward threshold)
     * @throws IllegalArgumentException if the environment's actions are not Discrete
     */
    public DqnTrainer(DqnConfig config, VectorEnv envs, Optional<Env> evalEnv, OptionalDouble solvedAt) {
        if (!(envs.singleActionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("DQN needs a Discrete action space, but this environment's is "
                    + envs.singleActionSpace() + "; pick an environment with discrete actions (e.g. CartPole-v1, MountainCar-v0)");
        }
        if (envs.autoresetMode() != AutoresetMode.DISABLED) {
            throw new IllegalArgumentException("the DQN resets its environments itself: their autoreset mode must be DISABLED");
        }
        if (config.evalEvery() > 0 && evalEnv.isEmpty()) {
            throw new IllegalArgumentException("--eval-every " + config.evalEvery() + " needs an environment for greedy checks");
        }
        this.config = config;
        this.envs = envs;
        this.evalEnv = evalEnv;
        this.solvedAt = solvedAt;
        this.encoder = new ObservationEncoder(envs.singleObservationSpace());
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
            all.add(Metric.info(CHECK_STEP, "checked at", "%.0f").hidden());
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
        Policy policy = GreedyPolicy.of(run.online, envs.singleObservationSpace(), envs.singleActionSpace());
        StepSchedule schedule = config.schedule(run.horizon);
        DecayingLearningRate learningRate = new DecayingLearningRate(config, run.horizon);
        EpisodesInFlight episodes = new EpisodesInFlight(envs.numEnvs(), encoder.size());
        float[] nextObservation = new float[encoder.size()];
        long[] chosen = new long[envs.numEnvs()];
        long resets = run.episode; // reset calls so far: with one environment, each episode's index, as its seed wants
        long nextCheck = nextCheckAfter(run.totalSteps);
        Check check = Check.NONE; // the latest greedy check, reported by the next episode to end
        boolean saved = resumed.isPresent(); // whether the store already holds the current state
        boolean betweenEpisodes = true;

        while (true) {
            if (betweenEpisodes || run.totalSteps >= config.maxSteps()) {
                Optional<Trained.Outcome> outcome = outcome(context, run);
                if (outcome.isPresent()) {
                    // The step budget may run out inside an episode: that episode is not reported; the final checkpoint keeps its steps.
                    return finish(context, run, saved, outcome.get(), policy, check.step() == run.totalSteps);
                }
            }
            if (episodes.anyToReset()) {
                VectorReset reset = envs.reset(OptionalLong.of(episodeSeed(config.seed(), resets++)), episodes.resetMask());
                for (int i = 0; i < episodes.count(); i++) {
                    if (episodes.waitsForReset(i)) {
                        encoder.encode(reset.observations().get(i), episodes.observation(i));
                        episodes.start(i);
                    }
                }
            }
            double epsilon = schedule.value(run.totalSteps);
            for (int i = 0; i < chosen.length; i++) {
                chosen[i] = actionStart + (run.random.nextDouble() < epsilon ? run.random.nextInt(actions) : greedy.act(episodes.observation(i)));
            }
            VectorStep step = envs.step(new Batch.Longs(chosen));
            for (int i = 0; i < chosen.length; i++) {
                encoder.encode(step.observations().get(i), nextObservation);
                run.buffer.add(episodes.observation(i), (int) (chosen[i] - actionStart), step.rewards()[i], nextObservation,
                        step.terminations()[i]);
                episodes.advance(i, nextObservation, step.rewards()[i], step.done(i));
                run.totalSteps++;
                if (run.totalSteps > config.learningStarts() && run.totalSteps % config.trainFrequency() == 0) {
                    learningRate.apply(run.online, run.totalSteps);
                    for (int g = 0; g < config.gradientSteps(); g++) {
                        DqnLearner.Update update = learner.step(run.buffer, run.random);
                        episodes.addUpdate(update.tdLoss(), update.meanQ());
                    }
                }
            }
            if (run.totalSteps >= nextCheck) {
                check = new Check(greedyCheck(policy), run.totalSteps, false);
                nextCheck = nextCheckAfter(run.totalSteps);
                keepIfBest(context, run, check.mean());
            }
            saved = false;
            betweenEpisodes = false;
            for (int i = 0; i < chosen.length && !episodeBudgetSpent(run); i++) {
                if (!episodes.ended(i)) {
                    continue;
                }
                betweenEpisodes = true;
                context.report(EpisodeReport.of(run.episode, run.totalSteps, episodeMetrics(run, episodes, i, schedule, check)));
                check = check.markReported();
                episodes.finish(i);
                run.episode++;
                saved = false;
                if (config.checkpointEvery() > 0 && run.episode % config.checkpointEvery() == 0) {
                    save(context, run);
                    saved = true;
                }
            }
        }
    }

    /** What episode {@code i}, just ended, reports; updates the run's recent returns. */
    private Map<String, Double> episodeMetrics(Run run, EpisodesInFlight episodes, int i, StepSchedule schedule, Check check) {
        run.recentReturns.addLast(episodes.episodeReturn(i));
        if (run.recentReturns.size() > config.solveWindow()) {
            run.recentReturns.removeFirst();
        }
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put(RETURN, episodes.episodeReturn(i));
        metrics.put(LENGTH, (double) episodes.length(i));
        metrics.put(MOVING_AVERAGE, average(run.recentReturns));
        metrics.put(EPSILON, schedule.value(run.totalSteps));
        metrics.put(STEPS_PER_SECOND, episodes.length(i) / Math.max(episodes.seconds(i), 1e-9));
        if (episodes.updates(i) > 0) {
            metrics.put(TD_LOSS, episodes.meanLoss(i));
            metrics.put(Q_VALUES, episodes.meanQ(i));
        }
        if (!check.reported()) {
            metrics.put(GREEDY_MEAN, check.mean());
            metrics.put(CHECK_STEP, (double) check.step());
        }
        return metrics;
    }

    /**
     * A greedy check: its mean return, the step count it was made at, and whether an episode has
     * reported it yet. With several checks in one episode (episodes longer than {@code --eval-every}),
     * the episode reports the last.
     */
    private record Check(double mean, long step, boolean reported) {
        static final Check NONE = new Check(Double.NaN, -1, true);

        Check markReported() {
            return new Check(mean, step, true);
        }
    }

    /** Why training ends now, checked between episodes (and when the step budget runs out inside one); empty to go on. */
    private Optional<Trained.Outcome> outcome(TrainingContext context, Run run) {
        if (solved(run.recentReturns) || greedySolved(run.bestGreedy)) {
            return Optional.of(Trained.Outcome.STOPPED_EARLY);
        }
        if (run.totalSteps >= config.maxSteps() || episodeBudgetSpent(run)) {
            return Optional.of(Trained.Outcome.FINISHED);
        }
        return context.stopRequested() ? Optional.of(Trained.Outcome.CANCELLED) : Optional.empty();
    }

    private boolean episodeBudgetSpent(Run run) {
        return config.maxEpisodes() > 0 && run.episode >= config.maxEpisodes();
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
            envs.close();
        } finally {
            evalEnv.ifPresent(Env::close);
        }
    }

    /** The reset seed of episode {@code episode} of a run: non-negative and 31-bit, as every gym server accepts. */
    public static long episodeSeed(long runSeed, long episode) {
        return SplitMix64.mix(runSeed * 0x9E3779B97F4A7C15L + episode) >>> 33;
    }

    /** The first multiple of {@code evalEvery} above {@code steps}: the step count of the next greedy check. */
    private long nextCheckAfter(long steps) {
        return config.evalEvery() <= 0 ? Long.MAX_VALUE : (steps / config.evalEvery() + 1) * config.evalEvery();
    }

    /**
     * Saves the state unless the store holds it already, and returns the policy. A run that used up
     * its budget first checks the network it ends with (unless {@code checkedLast}: a check was just
     * made on it), so that the best checkpoint, which {@code eval} and {@code play} use, is never one
     * the final network beats (a run that learns after its last check would otherwise keep an older,
     * worse network as its best).
     */
    private Trained<Policy> finish(TrainingContext context, Run run, boolean saved, Trained.Outcome outcome, Policy policy,
                                   boolean checkedLast) {
        if (outcome == Trained.Outcome.FINISHED && config.evalEvery() > 0 && !checkedLast && keepIfBest(context, run, greedyCheck(policy))) {
            saved = false;
        }
        if (!saved) {
            save(context, run);
        }
        return context.trained(policy, outcome, run.episode);
    }

    /** The mean return of a greedy check: {@code --eval-episodes} episodes on the evaluation environment. */
    private double greedyCheck(Policy policy) {
        return Arrays.stream(policy.returns(evalEnv.orElseThrow(), config.evalEpisodes(), Policy.EVALUATION_SEED)).average().orElseThrow();
    }

    /** Saves the online network as the best checkpoint when {@code greedyMean} beats every check before; false for NaN (no check). */
    private static boolean keepIfBest(TrainingContext context, Run run, double greedyMean) {
        if (!(greedyMean > run.bestGreedy)) {
            return false;
        }
        run.bestGreedy = greedyMean;
        MultiLayerNetwork online = run.online;
        context.checkpoints().saveBest(run.episode, greedyMean, folder -> DqnCheckpoint.writeModel(online, folder));
        return true;
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
