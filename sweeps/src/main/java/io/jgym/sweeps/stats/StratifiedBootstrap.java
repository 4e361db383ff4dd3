package io.jgym.sweeps.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Confidence intervals by the stratified bootstrap rliable uses ({@code get_interval_estimates}, through
 * arch's {@code StratifiedBootstrap}): each resample draws, within every task, as many runs as the task
 * has, uniformly with replacement; the interval is the percentile interval of the statistic over the
 * resamples, with numpy's default linear interpolation between order statistics. Seeded, so the same
 * scores and seed give the same interval.
 */
public final class StratifiedBootstrap {
    private final int reps;
    private final long seed;
    private final double confidence;

    /**
     * @param reps       resamples (rliable's default is 50,000)
     * @param seed       seeds the resampling
     * @param confidence the interval's coverage, e.g. 0.95
     */
    public StratifiedBootstrap(int reps, long seed, double confidence) {
        if (reps <= 0) {
            throw new IllegalArgumentException("bootstrap reps must be positive, got " + reps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.reps = reps;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** The interval of a single statistic, such as {@link Aggregate#IQM}. */
    public Interval interval(Scores scores, ToDoubleFunction<Scores> statistic) {
        return intervals(scores, s -> new double[] {statistic.applyAsDouble(s)})[0];
    }

    /** Intervals of each component of a vector statistic (a performance profile, a curve), from the same resamples. */
    public Interval[] intervals(Scores scores, Function<Scores, double[]> statistic) {
        double[] observed = statistic.apply(scores);
        double[][] resampled = new double[observed.length][reps];
        SplittableRandom random = new SplittableRandom(seed);
        for (int rep = 0; rep < reps; rep++) {
            double[] value = statistic.apply(resample(scores, random));
            for (int i = 0; i < observed.length; i++) {
                resampled[i][rep] = value[i];
            }
        }
        double tail = (1 - confidence) / 2;
        Interval[] intervals = new Interval[observed.length];
        for (int i = 0; i < observed.length; i++) {
            Arrays.sort(resampled[i]);
            intervals[i] = new Interval(observed[i], percentile(resampled[i], tail), percentile(resampled[i], 1 - tail));
        }
        return intervals;
    }

    private static Scores resample(Scores scores, SplittableRandom random) {
        List<double[]> tasks = new ArrayList<>(scores.byTask().size());
        for (double[] task : scores.byTask()) {
            double[] drawn = new double[task.length];
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = task[random.nextInt(task.length)];
            }
            tasks.add(drawn);
        }
        return new Scores(tasks);
    }

    /** numpy's {@code percentile(sorted, 100 * q)} with linear interpolation between the closest ranks. */
    static double percentile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
