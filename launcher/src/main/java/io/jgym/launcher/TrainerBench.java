package io.jgym.launcher;

import io.jgym.contracts.Env;
import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Policy;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.RunSpec;
import io.jgym.runs.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code ./jgym bench <trainer>}: trains any trainer once per seed with the same settings, writing
 * nothing, and prints a Markdown table: per seed the outcome, episodes, steps, wall time, the final
 * and best value of each shown metric and, for each of the trainer's targets (a greedy mean return
 * of 475, both modes covered), the first step count and wall time at which it was reached, and
 * for agents the mean return of the final policy; then a median row. Progress goes to standard error so that standard output is only the table.
 */
final class TrainerBench implements Callable<Integer> {
    private final TrainerProvider<?, ?> provider;
    private final BenchFlags flags;
    private TrainerCommandLine command;

    /** The flags of a benchmark besides the trainer's settings. */
    static final class BenchFlags {
        @Option(names = "--seeds", description = "Runs with seeds first-seed .. first-seed + N - 1 (default: ${DEFAULT-VALUE}).")
        int seeds = 5;
        @Option(names = "--first-seed", description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
        long firstSeed = 1;
        @Option(names = "--preset", description = "Starting settings (default: the trainer's first preset).")
        String preset;
        @Option(names = "--final-episodes", description = "Agents: greedy episodes played with the final policy after training;"
                + " 0 skips them (default: ${DEFAULT-VALUE}).")
        int finalEpisodes = 100;
        @Option(names = "--runs-dir", description = "Folder whose .cache/ holds what runs share, e.g. image classifiers (default: ${DEFAULT-VALUE}).")
        Path runsDir = Path.of("runs");
    }

    private TrainerBench(TrainerProvider<?, ?> provider, BenchFlags flags) {
        this.provider = provider;
        this.flags = flags;
    }

    /** The {@code bench <name>} command of {@code provider}. */
    static CommandSpec command(TrainerProvider<?, ?> provider) {
        BenchFlags flags = new BenchFlags();
        TrainerBench bench = new TrainerBench(provider, flags);
        bench.command = TrainerCommandLine.of(provider, bench, flags,
                "Benchmark " + provider.name() + " over several seeds: " + provider.description(),
                "Prints per seed the final and best metrics, wall time and when each target was reached, then medians.");
        return bench.command.spec();
    }

    @Override
    public Integer call() {
        run(provider, Optional.ofNullable(flags.preset), command.given(), flags.seeds, flags.firstSeed, flags.finalEpisodes,
                flags.runsDir, command.out());
        return 0;
    }

    /** Benchmarks {@code provider} with {@code settings} over {@code seeds} seeds and prints the table to {@code out}. */
    static void run(TrainerProvider<?, ?> provider, Optional<String> preset, Map<String, Object> settings, int seeds, long firstSeed,
                    int finalEpisodes, Path runsDir, PrintWriter out) {
        if (seeds <= 0) {
            throw new IllegalArgumentException("--seeds must be positive, got " + seeds);
        }
        if (settings.containsKey("seed")) {
            throw new IllegalArgumentException("a benchmark chooses the seeds; use --first-seed and --seeds instead of --seed");
        }
        List<Row> rows = new ArrayList<>();
        Table table = null;
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Map<String, Object> seeded = new LinkedHashMap<>(settings);
            seeded.put("seed", seed);
            TrainingRun<?, ?> plan = TrainingRun.plan(provider, RunSpec.benchmark(preset, seeded, runsDir));
            System.err.printf("bench %s: seed %d...%n", provider.name(), seed);
            Recorder recorder = new Recorder(provider.targets(cast(plan.config())));
            long started = System.nanoTime();
            Trained<?> trained = plan.execute(List.of(recorder), () -> false);
            double seconds = (System.nanoTime() - started) / 1e9;
            Row row = recorder.row(seed, trained.outcome(), seconds, finalMean(provider, plan.config(), trained, finalEpisodes));
            if (table == null) {
                table = new Table(recorder.metrics, recorder.targets, row.finalPolicy().isPresent() ? finalEpisodes : 0);
                table.header(out);
            }
            table.print(row, out);
            rows.add(row);
        }
        table.medians(rows, out);
    }

    /**
     * For an agent, the mean return of {@code episodes} greedy episodes of the policy training ended
     * with (from {@link Policy#EVALUATION_SEED}, as the greedy checks): the network a user keeps if they take the
     * last one, beside the best checkpoint's.
     */
    private static OptionalDouble finalMean(TrainerProvider<?, ?> provider, Object config, Trained<?> trained, int episodes) {
        if (episodes <= 0 || !(provider instanceof AgentProvider<?> agent)) {
            return OptionalDouble.empty();
        }
        try (Env env = agent.environment(cast(config))) {
            return Arrays.stream(((Policy) trained.model()).returns(env, episodes, Policy.EVALUATION_SEED)).average();
        }
    }

    @SuppressWarnings("unchecked")
    private static <C> C cast(Object config) {
        return (C) config;
    }

    /** What one seed's run reached. */
    record Row(long seed, Trained.Outcome outcome, long episodes, long steps, double seconds, Map<String, Double> last,
               Map<String, Double> best, long[] targetSteps, double[] targetSeconds, OptionalDouble finalPolicy) {
    }

    /** Follows one run: last and best value of each metric, and when each target was first reached. */
    private static final class Recorder implements TrainingListener {
        private final List<Target> targets;
        private final Map<String, Double> last = new LinkedHashMap<>();
        private final Map<String, Double> best = new LinkedHashMap<>();
        private List<Metric> metrics = List.of();
        private Map<String, Metric> byName = Map.of();
        private long[] targetSteps;
        private double[] targetSeconds;
        private long started;
        private long episodes;
        private long steps;

        Recorder(List<Target> targets) {
            this.targets = targets;
            this.targetSteps = new long[targets.size()];
            this.targetSeconds = new double[targets.size()];
            Arrays.fill(targetSteps, -1);
        }

        @Override
        public void onStart(String runName, List<Metric> declared) {
            metrics = declared.stream().filter(Metric::shown).toList();
            byName = new LinkedHashMap<>();
            declared.forEach(m -> byName.put(m.name(), m));
            started = System.nanoTime();
        }

        @Override
        public void onEpisode(EpisodeReport report) {
            episodes = report.episode() + 1;
            steps = report.totalSteps();
            report.metrics().forEach((name, value) -> {
                last.put(name, value);
                Metric metric = byName.get(name);
                if (metric.goal() != Metric.Goal.NONE && Double.isFinite(value)) {
                    best.merge(name, value, metric.goal() == Metric.Goal.HIGHER ? Math::max : Math::min);
                }
            });
            for (int t = 0; t < targets.size(); t++) {
                Double value = report.metrics().get(targets.get(t).metric());
                if (targetSteps[t] < 0 && value != null && reaches(byName.get(targets.get(t).metric()), value, targets.get(t).level())) {
                    targetSteps[t] = report.totalSteps();
                    targetSeconds[t] = (System.nanoTime() - started) / 1e9;
                }
            }
        }

        private static boolean reaches(Metric metric, double value, double level) {
            return metric.goal() == Metric.Goal.LOWER ? value <= level : value >= level;
        }

        Row row(long seed, Trained.Outcome outcome, double seconds, OptionalDouble finalPolicy) {
            return new Row(seed, outcome, episodes, steps, seconds, last, best, targetSteps, targetSeconds, finalPolicy);
        }
    }

    /** The Markdown table: its columns come from the trainer's shown metrics and targets. */
    private record Table(List<Metric> metrics, List<Target> targets, int finalEpisodes) {
        void header(PrintWriter out) {
            List<String> columns = new ArrayList<>(List.of("seed", "outcome", "episodes", "steps", "wall s"));
            for (Metric metric : metrics) {
                columns.add(metric.label() + " (final)");
                if (hasBest(metric)) {
                    columns.add(metric.label() + " (best)");
                }
            }
            for (Target target : targets) {
                columns.add("steps to " + target.metric() + " " + format(target.level()));
                columns.add("wall s to it");
            }
            if (finalEpisodes > 0) {
                columns.add("final policy, mean of " + finalEpisodes);
            }
            out.println("| " + String.join(" | ", columns) + " |");
            out.println("|" + "---|".repeat(columns.size()));
        }

        void print(Row row, PrintWriter out) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.seed()), row.outcome().name().toLowerCase(),
                    String.format("%,d", row.episodes()), String.format("%,d", row.steps()), String.format("%.1f", row.seconds())));
            for (Metric metric : metrics) {
                cells.add(value(metric, row.last().get(metric.name())));
                if (hasBest(metric)) {
                    cells.add(value(metric, row.best().get(metric.name())));
                }
            }
            for (int t = 0; t < targets.size(); t++) {
                cells.add(row.targetSteps()[t] < 0 ? "-" : String.format("%,d", row.targetSteps()[t]));
                cells.add(row.targetSteps()[t] < 0 ? "-" : String.format("%.1f", row.targetSeconds()[t]));
            }
            row.finalPolicy().ifPresent(mean -> cells.add(String.format("%.1f", mean)));
            out.println("| " + String.join(" | ", cells) + " |");
        }

        void medians(List<Row> rows, PrintWriter out) {
            List<String> cells = new ArrayList<>(List.of("**median**", rows.stream().filter(r -> r.outcome() != Trained.Outcome.CANCELLED)
                    .count() + "/" + rows.size() + " done", String.format("%,.0f", median(rows, r -> (double) r.episodes())),
                    String.format("%,.0f", median(rows, r -> (double) r.steps())), String.format("%.1f", median(rows, Row::seconds))));
            for (Metric metric : metrics) {
                cells.add(value(metric, median(rows, r -> r.last().getOrDefault(metric.name(), Double.NaN))));
                if (hasBest(metric)) {
                    cells.add(value(metric, median(rows, r -> r.best().getOrDefault(metric.name(), Double.NaN))));
                }
            }
            for (int t = 0; t < targets.size(); t++) {
                int index = t;
                long reached = rows.stream().filter(r -> r.targetSteps()[index] >= 0).count();
                // Seeds that never reached a target count as infinitely late, as a median of "steps to solve" should.
                double steps = median(rows, r -> r.targetSteps()[index] < 0 ? Double.POSITIVE_INFINITY : r.targetSteps()[index]);
                double seconds = median(rows, r -> r.targetSteps()[index] < 0 ? Double.POSITIVE_INFINITY : r.targetSeconds()[index]);
                cells.add(Double.isInfinite(steps) ? "- (" + reached + "/" + rows.size() + ")"
                        : String.format("%,.0f (%d/%d)", steps, reached, rows.size()));
                cells.add(Double.isInfinite(seconds) ? "-" : String.format("%.1f", seconds));
            }
            if (finalEpisodes > 0) {
                cells.add(String.format("%.1f", median(rows, r -> r.finalPolicy().orElse(Double.NaN))));
            }
            out.println("| " + String.join(" | ", cells) + " |");
        }

        /** Quality metrics get a best column; the best of a loss or of a value without direction says little. */
        private static boolean hasBest(Metric metric) {
            return metric.goal() != Metric.Goal.NONE && !metric.loss();
        }

        private static String value(Metric metric, Double value) {
            return value == null || value.isNaN() ? "-" : String.format(metric.format(), value);
        }

        private static String format(double level) {
            return level == Math.rint(level) ? String.format("%.0f", level) : String.valueOf(level);
        }

        private static double median(List<Row> rows, java.util.function.ToDoubleFunction<Row> value) {
            double[] sorted = rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
            int n = sorted.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
