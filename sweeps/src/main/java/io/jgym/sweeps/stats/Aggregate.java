package io.jgym.sweeps.stats;

import java.util.Arrays;

/**
 * A point estimate over all runs of a configuration. The interquartile mean and the mean are rliable's
 * ({@code aggregate_iqm}: scipy's {@code trim_mean(scores, 0.25)} over all runs and tasks, which drops
 * {@code floor(n/4)} scores at each end; {@code aggregate_mean}: the mean of the per-task means). The
 * median is the median of all run scores; rliable's {@code aggregate_median} takes the median of the
 * per-task means instead, which with a single task is just the mean and says nothing new.
 */
public enum Aggregate {
    IQM("IQM") {
        @Override
        public double of(Scores scores) {
            double[] sorted = scores.flattened();
            Arrays.sort(sorted);
            int cut = (int) (0.25 * sorted.length);
            return Arrays.stream(sorted, cut, sorted.length - cut).average().orElseThrow();
        }
    },
    MEAN("mean") {
        @Override
        public double of(Scores scores) {
            return scores.byTask().stream().mapToDouble(task -> Arrays.stream(task).average().orElseThrow()).average().orElseThrow();
        }
    },
    MEDIAN("median") {
        @Override
        public double of(Scores scores) {
            double[] sorted = scores.flattened();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    };

    private final String label;

    Aggregate(String label) {
        this.label = label;
    }

    /** The estimate over {@code scores}. */
    public abstract double of(Scores scores);

    /** The column and axis name: IQM, mean, median. */
    public String label() {
        return label;
    }
}
