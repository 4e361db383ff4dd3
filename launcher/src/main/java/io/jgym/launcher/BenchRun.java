package io.jgym.launcher;

import io.jgym.contracts.Env;
import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.CheckpointFolder;
import io.jgym.runs.MetricsTable;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunStatus;
import io.jgym.runs.TrainerConfigs;
import io.jgym.sweeps.report.RunRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One seed of {@code bench <trainer>} read back from its run folder once the sweep has trained it:
 * outcome and training time from {@code status.json}, the last and best value of each metric and the
 * first episode reaching each target from {@code metrics.csv} (and the step at which it was measured),
 * the wall time at the end of that episode from the
 * TensorBoard event file ({@link EpisodeTimes}), and, for an agent, the mean return of greedy episodes
 * played by the policy of its newest checkpoint (the one training ended with) and by its best one (the
 * network of its best greedy check, which {@code eval} and {@code play} use).
 */
final class BenchRun {
    private BenchRun() {
    }

    static TrainerBench.Row read(TrainerProvider<?, ?> provider, Path folder, RunRow run, List<Metric> declared, List<Target> targets,
                                 int finalEpisodes) {
        Map<String, Double> last = new LinkedHashMap<>();
        Map<String, Double> best = new LinkedHashMap<>();
        long[] targetSteps = new long[targets.size()];
        double[] targetSeconds = new double[targets.size()];
        Arrays.fill(targetSteps, -1);
        long steps = 0;
        Path csv = folder.resolve("metrics.csv");
        if (Files.isRegularFile(csv)) {
            MetricsTable table = MetricsTable.read(csv);
            double[] totalSteps = table.column("total_steps");
            double[] episodes = table.column("episode");
            steps = totalSteps.length == 0 ? 0 : (long) totalSteps[totalSteps.length - 1];
            for (Metric metric : declared) {
                if (!table.hasColumn(metric.name())) {
                    continue;
                }
                double[] values = Arrays.stream(table.column(metric.name())).filter(Double::isFinite).toArray();
                if (values.length > 0) {
                    last.put(metric.name(), values[values.length - 1]);
                    if (metric.goal() != Metric.Goal.NONE) {
                        best.put(metric.name(), metric.goal() == Metric.Goal.HIGHER ? Arrays.stream(values).max().orElseThrow()
                                : Arrays.stream(values).min().orElseThrow());
                    }
                }
            }
            EpisodeTimes times = EpisodeTimes.read(folder);
            for (int t = 0; t < targets.size(); t++) {
                Target target = targets.get(t);
                Metric metric = declared.stream().filter(m -> m.name().equals(target.metric())).findFirst().orElseThrow();
                double[] values = table.hasColumn(target.metric()) ? table.column(target.metric()) : new double[0];
                int reached = firstReaching(target, metric.goal(), values, episodes);
                if (reached >= 0) {
                    targetSteps[t] = (long) stepOf(target, table, totalSteps, reached);
                    targetSeconds[t] = times.secondsTo((long) episodes[reached]).orElse(Double.NaN);
                }
            }
        }
        RunStatus status = RunStatus.read(folder).orElseThrow(() -> new IllegalStateException("the run " + folder + " left no status"));
        double seconds = status.ended() == null ? 0 : Duration.between(status.started(), status.ended()).toMillis() / 1e3;
        return new TrainerBench.Row(run.run().seed(), outcome(status), run.episodes(), steps, seconds, last, best, targetSteps, targetSeconds,
                policyMean(provider, folder, status, finalEpisodes, false), policyMean(provider, folder, status, finalEpisodes, true));
    }

    /**
     * The row of {@code values} (a metric's column; {@code episodes}, the 0-based episode of each row)
     * where {@code target} is first reached in the direction of {@code goal}, counting only rows from
     * the target's {@code minEpisodes}-th episode on; -1 if never.
     */
    static int firstReaching(Target target, Metric.Goal goal, double[] values, double[] episodes) {
        for (int i = 0; i < values.length; i++) {
            boolean counts = episodes[i] + 1 >= target.minEpisodes() && Double.isFinite(values[i]);
            if (counts && (goal == Metric.Goal.LOWER ? values[i] <= target.level() : values[i] >= target.level())) {
                return i;
            }
        }
        return -1;
    }

    /** The step at which row {@code row} measured {@code target}'s metric: the target's step metric if it names one there, else the row's total steps. */
    static double stepOf(Target target, MetricsTable table, double[] totalSteps, int row) {
        return target.stepMetric().filter(table::hasColumn).map(name -> table.column(name)[row]).filter(Double::isFinite)
                .orElse(totalSteps[row]);
    }

    private static String outcome(RunStatus status) {
        return switch (status.state()) {
            case FINISHED -> status.message().equals(RunStatus.STOPPED_EARLY) ? "stopped_early" : "finished";
            case STOPPED -> "cancelled";
            default -> status.state().toString();
        };
    }

    /**
     * For a finished agent run, the mean return of {@code episodes} greedy episodes (from
     * {@link Policy#EVALUATION_SEED}, as the greedy checks) of the policy in the run's newest checkpoint
     * (the network a user keeps if they take the last one) or in its best one: the best greedy check
     * picked that network on fewer episodes, an optimistic estimate that these episodes re-measure.
     */
    private static OptionalDouble policyMean(TrainerProvider<?, ?> provider, Path folder, RunStatus status, int episodes, boolean best) {
        if (episodes <= 0 || status.state() != RunStatus.State.FINISHED || !(provider instanceof AgentProvider<?> agent)) {
            return OptionalDouble.empty();
        }
        return CheckpointFolder.find(folder.resolve(RunFolder.CHECKPOINTS), best).map(checkpoint -> {
            Object config = TrainerConfigs.restore(provider, String.valueOf(RunFolder.open(folder).record().get("preset")),
                    RunFolder.open(folder).record().get("config"), Map.of());
            Policy policy = agent.load(TrainerBench.cast(config), checkpoint);
            try (Env env = agent.environment(TrainerBench.cast(config))) {
                return OptionalDouble.of(Arrays.stream(policy.returns(env, episodes, Policy.EVALUATION_SEED)).average().orElseThrow());
            }
        }).orElse(OptionalDouble.empty());
    }
}
