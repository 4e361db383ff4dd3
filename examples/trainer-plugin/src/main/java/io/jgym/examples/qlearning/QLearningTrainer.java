package io.jgym.examples.qlearning;

import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Tabular Q-learning, one episode at a time: act epsilon-greedily, move Q(s, a) towards
 * r + gamma max Q(s', .) (no bootstrap past a termination), report, and checkpoint the table every
 * {@code checkpointEvery} episodes. Each episode's exploration and reset come from the seed and the
 * episode index, so the table and the step count are all a checkpoint needs for an exact resume.
 */
final class QLearningTrainer implements Trainer<Policy> {
    static final String RETURN = "charts/episodic_return";
    static final String LENGTH = "charts/episodic_length";
    static final String EPSILON = "charts/epsilon";
    static final String TD_ERROR = "losses/td_error";
    private static final String STEPS_FILE = "steps.txt";

    private final QLearningConfig config;
    private final Env env;
    private final int states;
    private final int actions;
    private final long actionStart;

    QLearningTrainer(QLearningConfig config, Env env) {
        if (!(env.observationSpace() instanceof Discrete observations) || !(env.actionSpace() instanceof Discrete moves)) {
            env.close();
            throw new IllegalArgumentException("q-learning needs Discrete observations and actions, but " + config.env() + " has "
                    + env.observationSpace() + " and " + env.actionSpace() + "; try FrozenLake-v1, Taxi-v3 or CliffWalking-v1");
        }
        this.config = config;
        this.env = env;
        this.states = Math.toIntExact(observations.n());
        this.actions = Math.toIntExact(moves.n());
        this.actionStart = moves.start();
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.higher(RETURN, "return", "%.2f"), Metric.info(LENGTH, "length", "%.0f"),
                Metric.info(EPSILON, "epsilon", "%.3f"), Metric.loss(TD_ERROR, "|TD|", "%.4f"));
    }

    @Override
    public Trained<Policy> train(TrainingContext context) {
        Optional<Checkpoint> resumed = context.checkpoints().latest();
        QTable table = resumed.map(this::table).orElseGet(() -> new QTable(states, actions, actionStart));
        long episode = resumed.map(Checkpoint::episodesDone).orElse(0L);
        long steps = resumed.map(QLearningTrainer::steps).orElse(0L);
        while (episode < config.episodes()) {
            if (context.stopRequested()) {
                save(context, table, episode, steps);
                return context.trained(table, Trained.Outcome.CANCELLED, episode);
            }
            SplittableRandom random = new SplittableRandom(config.seed() * 1_000_003L + episode);
            double epsilon = config.epsilon(episode);
            int state = state(env.reset(random.nextLong() >>> 33).observation());
            double total = 0;
            double tdSum = 0;
            long length = 0;
            Step step;
            do {
                int action = random.nextDouble() < epsilon ? random.nextInt(actions) : table.best(state);
                step = env.step(Value.of(actionStart + action));
                int next = state(step.observation());
                double target = step.reward() + (step.terminated() ? 0 : config.gamma() * table.max(next));
                double error = target - table.get(state, action);
                table.set(state, action, table.get(state, action) + config.learningRate() * error);
                tdSum += Math.abs(error);
                total += step.reward();
                length++;
                state = next;
            } while (!step.done());
            steps += length;
            Map<String, Double> metrics = new TreeMap<>(Map.of(RETURN, total, LENGTH, (double) length, EPSILON, epsilon,
                    TD_ERROR, tdSum / length));
            context.report(EpisodeReport.of(episode, steps, metrics));
            episode++;
            if (episode % config.checkpointEvery() == 0 || episode == config.episodes()) {
                save(context, table, episode, steps);
            }
        }
        return context.trained(table, Trained.Outcome.FINISHED, episode);
    }

    /** The table saved in {@code checkpoint}, checked against this environment's sizes. */
    QTable table(Checkpoint checkpoint) {
        return QTable.load(checkpoint.file(QTable.FILE), states, actions, actionStart);
    }

    private static void save(TrainingContext context, QTable table, long episodesDone, long steps) {
        context.checkpoints().save(episodesDone, folder -> {
            table.save(folder);
            AtomicFiles.writeString(folder.resolve(STEPS_FILE), steps + "\n");
        });
    }

    private static long steps(Checkpoint checkpoint) {
        try {
            return Long.parseLong(Files.readString(checkpoint.file(STEPS_FILE)).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + checkpoint.file(STEPS_FILE), e);
        }
    }

    private static int state(Value observation) {
        return (int) ((Value.Int) observation).value();
    }

    @Override
    public void close() {
        env.close();
    }
}
