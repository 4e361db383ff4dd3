package io.jgym.sweeps.report;

import io.jgym.sweeps.Configuration;
import io.jgym.sweeps.SweepPlan;
import io.jgym.sweeps.stats.Aggregate;
import io.jgym.sweeps.stats.Interval;
import io.jgym.sweeps.stats.Scores;
import io.jgym.sweeps.stats.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The statistics of a sweep: for each configuration, its scored runs grouped by task and the IQM,
 * mean and median of their scores with 95% stratified-bootstrap intervals (all three from the same
 * resamples). Runs that failed, stopped or never reported the metric are left out of the numbers
 * and listed on their own.
 *
 * @param plan           the sweep
 * @param runs           every planned run, in plan order
 * @param configurations one row per configuration, in plan order
 */
public record SweepSummary(SweepPlan plan, List<RunRow> runs, List<ConfigurationRow> configurations) {
    /** Seeds every bootstrap of the report, so the same runs always give the same report. */
    public static final long BOOTSTRAP_SEED = 0;
    /** The coverage of every interval. */
    public static final double CONFIDENCE = 0.95;
    /** The aggregates reported, in column order. */
    public static final List<Aggregate> AGGREGATES = List.of(Aggregate.IQM, Aggregate.MEAN, Aggregate.MEDIAN);

    /**
     * One configuration's numbers.
     *
     * @param configuration the configuration
     * @param runs          its planned runs
     * @param scored        how many of them count
     * @param scores        the counted scores by task; empty when none counts
     * @param estimates     IQM, mean and median with their intervals; empty when no run counts
     */
    public record ConfigurationRow(Configuration configuration, int runs, int scored, Optional<Scores> scores,
                                   List<Interval> estimates) {
    }

    /** Computes the summary of {@code rows}, one per planned run. */
    public static SweepSummary of(SweepPlan plan, List<RunRow> rows) {
        StratifiedBootstrap bootstrap = new StratifiedBootstrap(plan.spec().bootstrapReps(), BOOTSTRAP_SEED, CONFIDENCE);
        Function<Scores, double[]> aggregates = s -> AGGREGATES.stream().mapToDouble(a -> a.of(s)).toArray();
        List<ConfigurationRow> configurations = new ArrayList<>();
        for (Configuration configuration : plan.configurations()) {
            List<RunRow> mine = rows.stream().filter(r -> r.run().configuration().equals(configuration.id())).toList();
            Optional<Scores> scores = scores(mine, r -> r.score().score().orElseThrow());
            List<Interval> estimates = scores.map(s -> List.of(bootstrap.intervals(s, aggregates))).orElse(List.of());
            configurations.add(new ConfigurationRow(configuration, mine.size(), (int) mine.stream().filter(RunRow::scored).count(), scores,
                    estimates));
        }
        return new SweepSummary(plan, List.copyOf(rows), List.copyOf(configurations));
    }

    /** The scored runs' {@code value}s grouped by task, in plan order; empty when no run is scored. */
    static Optional<Scores> scores(List<RunRow> rows, java.util.function.ToDoubleFunction<RunRow> value) {
        Map<Optional<String>, List<Double>> byTask = new LinkedHashMap<>();
        for (RunRow row : rows) {
            if (row.scored()) {
                double v = value.applyAsDouble(row);
                if (!Double.isNaN(v)) {
                    byTask.computeIfAbsent(row.run().task(), t -> new ArrayList<>()).add(v);
                }
            }
        }
        if (byTask.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scores(byTask.values().stream().map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toList()));
    }

    /** The runs of {@code configuration}. */
    List<RunRow> runsOf(Configuration configuration) {
        return runs.stream().filter(r -> r.run().configuration().equals(configuration.id())).toList();
    }

    /** Runs that do not count: failed, stopped, or without the metric. */
    public List<RunRow> unscored() {
        return runs.stream().filter(r -> !r.scored()).toList();
    }
}
