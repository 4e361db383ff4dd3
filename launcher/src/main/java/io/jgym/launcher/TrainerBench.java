package io.jgym.launcher;

import io.jgym.contracts.training.AgentProvider;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.runs.RunSpec;
import io.jgym.runs.TrainingRun;
import io.jgym.runs.process.ChildJvm;
import io.jgym.sweeps.LocalPool;
import io.jgym.sweeps.Sweep;
import io.jgym.sweeps.SweepEngine;
import io.jgym.sweeps.SweepPlan;
import io.jgym.sweeps.SweepSpec;
import io.jgym.sweeps.report.RunRow;
import io.jgym.sweeps.report.SweepSummary;
import io.jgym.sweeps.stats.Aggregate;
import io.jgym.sweeps.stats.Scores;
import io.jgym.sweeps.stats.StratifiedBootstrap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code ./jgym bench <trainer>}: trains any trainer once per seed with the same settings, as a sweep
 * (each seed a run folder under {@code <runs-dir>/<name>/}, trained in its own JVM on a local pool,
 * one at a time by default so wall times stay comparable, or on a Hazelcast cluster with
 * {@code --cluster}), and prints a Markdown table: per seed the outcome, episodes, steps, wall time,
 * the final and best value of each shown metric and, for each of the trainer's targets (a greedy mean
 * return of 475, both modes covered), the first step count and wall time at which it was reached, and
 * for agents the mean return of the final policy; then a median row and an IQM row with 95%
 * stratified-bootstrap intervals. The sweep's report is written beside the runs. Progress goes to
 * standard error so that standard output is only the table.
 */
final class TrainerBench implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
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
        @Option(names = "--runs-dir", description = "Folder that holds the benchmark's sweep folder and .cache/ (default: ${DEFAULT-VALUE}).")
        Path runsDir = Path.of("runs");
        @Option(names = "--name", description = "The benchmark's sweep folder under --runs-dir; an existing one is resumed"
                + " (default: bench-<trainer>-<date>-<time>).")
        String name;
        @Mixin
        EngineFlags engine = new EngineFlags(1);
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
                "Prints per seed the final and best metrics, wall time and when each target was reached, then medians and IQMs.");
        return bench.command.spec();
    }

    @Override
    public Integer call() {
        try (SweepEngine engine = flags.engine.open()) {
            run(provider, Optional.ofNullable(flags.preset), command.given(), flags.seeds, flags.firstSeed, flags.finalEpisodes,
                    flags.runsDir, Optional.ofNullable(flags.name).orElseGet(() -> defaultName(provider)), engine, command.out());
        }
        return 0;
    }

    /** {@link #run(TrainerProvider, Optional, Map, int, long, int, Path, String, SweepEngine, PrintWriter) run} one seed at a time on a local pool, as a new sweep. */
    static void run(TrainerProvider<?, ?> provider, Optional<String> preset, Map<String, Object> settings, int seeds, long firstSeed,
                    int finalEpisodes, Path runsDir, PrintWriter out) {
        try (SweepEngine engine = new LocalPool(1, ChildJvm.likeThisOne())) {
            run(provider, preset, settings, seeds, firstSeed, finalEpisodes, runsDir, defaultName(provider), engine, out);
        }
    }

    private static String defaultName(TrainerProvider<?, ?> provider) {
        return "bench-" + provider.name() + "-" + LocalDateTime.now().format(STAMP);
    }

    /**
     * Benchmarks {@code provider} with {@code settings} over {@code seeds} seeds as the sweep {@code name}
     * under {@code runsDir}, trained on {@code engine}, and prints the table to {@code out}.
     */
    static void run(TrainerProvider<?, ?> provider, Optional<String> preset, Map<String, Object> settings, int seeds, long firstSeed,
                    int finalEpisodes, Path runsDir, String name, SweepEngine engine, PrintWriter out) {
        if (seeds <= 0) {
            throw new IllegalArgumentException("--seeds must be positive, got " + seeds);
        }
        if (settings.containsKey("seed")) {
            throw new IllegalArgumentException("a benchmark chooses the seeds; use --first-seed and --seeds instead of --seed");
        }
        Map<String, Object> seeded = new LinkedHashMap<>(settings);
        seeded.put("seed", firstSeed);
        Object config = TrainingRun.plan(provider, RunSpec.benchmark(preset, seeded, runsDir)).config();
        List<Metric> declared;
        try (Trainer<?> trainer = provider.create(cast(config))) {
            declared = trainer.metrics();
        }
        List<Target> targets = provider.targets(cast(config));
        SweepSpec spec = new SweepSpec(name, provider.name(), preset, settings, Map.of(), List.of(),
                LongStream.range(firstSeed, firstSeed + seeds).boxed().toList(), Optional.empty(), List.of(), scoreMetric(declared, targets), 1,
                SweepSpec.DEFAULT_BOOTSTRAP_REPS);
        SweepPlan plan = SweepPlan.of(spec, runsDir);
        SweepSummary summary = SweepCommand.run(new Sweep(plan, provider), engine);
        List<Row> rows = new ArrayList<>();
        for (RunRow run : summary.runs()) {
            rows.add(BenchRun.read(provider, plan.folder().resolve(run.run().name()), run, declared, targets, finalEpisodes));
        }
        Table table = new Table(declared.stream().filter(Metric::shown).toList(), targets,
                provider instanceof AgentProvider<?> && finalEpisodes > 0 ? finalEpisodes : 0);
        table.header(out);
        rows.forEach(row -> table.print(row, out));
        table.medians(rows, out);
        table.interquartileMeans(rows, out);
        System.err.println("bench " + provider.name() + ": report in " + plan.folder().resolve("report.html"));
    }

    /** What the sweep's own report scores: the first target's metric, else the first shown quality metric. */
    private static String scoreMetric(List<Metric> declared, List<Target> targets) {
        if (!targets.isEmpty()) {
            return targets.get(0).metric();
        }
        return declared.stream().filter(m -> m.shown() && !m.loss() && m.goal() != Metric.Goal.NONE).map(Metric::name).findFirst()
                .orElse(SweepSpec.DEFAULT_METRIC);
    }

    @SuppressWarnings("unchecked")
    static <C> C cast(Object config) {
        return (C) config;
    }

    /** What one seed's run reached; {@code outcome} is finished, stopped_early, cancelled or failed. */
    record Row(long seed, String outcome, long episodes, long steps, double seconds, Map<String, Double> last,
               Map<String, Double> best, long[] targetSteps, double[] targetSeconds, OptionalDouble finalPolicy,
               OptionalDouble bestPolicy) {
    }

    /** The Markdown table: its columns come from the trainer's shown metrics and targets. */
    private record Table(List<Metric> metrics, List<Target> targets, int finalEpisodes) {
        void header(PrintWriter out) {
            List<String> columns = new ArrayList<>(List.of("seed", "outcome", "episodes", "steps", "wall s"));
            for (Metric metric : metrics) {
                // A label such as |TD| must not split its column: Markdown escapes a pipe in a cell as \|.
                String label = metric.label().replace("|", "\\|");
                columns.add(label + " (final)");
                if (hasBest(metric)) {
                    columns.add(label + " (best)");
                }
            }
            for (Target target : targets) {
                columns.add("steps to " + target.metric() + " " + format(target.level()));
                columns.add("wall s to it");
            }
            if (finalEpisodes > 0) {
                columns.add("final policy, mean of " + finalEpisodes);
                columns.add("best policy, mean of " + finalEpisodes);
            }
            out.println("| " + String.join(" | ", columns) + " |");
            out.println("|" + "---|".repeat(columns.size()));
        }

        void print(Row row, PrintWriter out) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.seed()), row.outcome(),
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
            if (finalEpisodes > 0) {
                cells.add(policy(row.finalPolicy()));
                cells.add(policy(row.bestPolicy()));
            }
            out.println("| " + String.join(" | ", cells) + " |");
        }

        void medians(List<Row> rows, PrintWriter out) {
            List<String> cells = new ArrayList<>(List.of("**median**", rows.stream().filter(r -> r.outcome().startsWith("finished")
                    || r.outcome().equals("stopped_early")).count() + "/" + rows.size() + " done", String.format("%,.0f", median(rows, r -> (double) r.episodes())),
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
                cells.add(policy(median(rows, r -> r.finalPolicy().orElse(Double.NaN))));
                cells.add(policy(median(rows, r -> r.bestPolicy().orElse(Double.NaN))));
            }
            out.println("| " + String.join(" | ", cells) + " |");
        }

        /**
         * The interquartile mean of each numeric column over the seeds with its 95% bootstrap interval
         * (rliable's IQM); target columns are left out, as a seed that never reached a target has no value.
         */
        void interquartileMeans(List<Row> rows, PrintWriter out) {
            List<String> cells = new ArrayList<>(List.of("**IQM [95% CI]**", "",
                    iqm(rows, r -> (double) r.episodes(), "%,.0f"), iqm(rows, r -> (double) r.steps(), "%,.0f"), iqm(rows, Row::seconds, "%.1f")));
            for (Metric metric : metrics) {
                cells.add(iqm(rows, r -> r.last().getOrDefault(metric.name(), Double.NaN), metric.format()));
                if (hasBest(metric)) {
                    cells.add(iqm(rows, r -> r.best().getOrDefault(metric.name(), Double.NaN), metric.format()));
                }
            }
            for (int t = 0; t < targets.size(); t++) {
                cells.add("");
                cells.add("");
            }
            if (finalEpisodes > 0) {
                cells.add(iqm(rows, r -> r.finalPolicy().orElse(Double.NaN), "%.1f"));
                cells.add(iqm(rows, r -> r.bestPolicy().orElse(Double.NaN), "%.1f"));
            }
            out.println("| " + String.join(" | ", cells) + " |");
        }

        private static String iqm(List<Row> rows, java.util.function.ToDoubleFunction<Row> value, String format) {
            double[] values = rows.stream().mapToDouble(value).filter(Double::isFinite).toArray();
            if (values.length == 0) {
                return "-";
            }
            return new StratifiedBootstrap(SweepSpec.DEFAULT_BOOTSTRAP_REPS, SweepSummary.BOOTSTRAP_SEED, SweepSummary.CONFIDENCE)
                    .interval(Scores.of(values), Aggregate.IQM::of).format(format);
        }

        /** Quality metrics get a best column; the best of a loss or of a value without direction says little. */
        private static boolean hasBest(Metric metric) {
            return metric.goal() != Metric.Goal.NONE && !metric.loss();
        }

        private static String policy(OptionalDouble mean) {
            return policy(mean.orElse(Double.NaN));
        }

        private static String policy(double mean) {
            return Double.isNaN(mean) ? "-" : String.format("%.1f", mean);
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
