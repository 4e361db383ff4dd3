package io.jgym.sweeps.report;

import io.jgym.runs.MetricsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * One run's numbers read back from its {@code metrics.csv}: its score (the mean of the chosen metric
 * over the last episodes that reported it) and its learning curve (that metric's trailing mean
 * against the total steps).
 *
 * @param steps    total steps at each episode that reported the metric
 * @param smoothed the metric's trailing mean over {@code window} reports at each of those episodes
 * @param score    the mean of the last {@code window} reports; empty when the metric was never reported
 */
public record RunScore(double[] steps, double[] smoothed, OptionalDouble score) {

    /** Reads the run in {@code folder}, scoring {@code metric} over its last {@code window} reports. */
    public static RunScore read(Path folder, String metric, int window) {
        Path csv = folder.resolve("metrics.csv");
        if (!Files.isRegularFile(csv)) {
            return new RunScore(new double[0], new double[0], OptionalDouble.empty());
        }
        MetricsTable table = MetricsTable.read(csv);
        if (!table.hasColumn(metric)) {
            throw new IllegalArgumentException("the sweep scores runs by '" + metric + "', which " + folder.getFileName()
                    + " does not report; its metrics are " + table.columns().subList(Math.min(2, table.columns().size()), table.columns().size()));
        }
        double[] values = table.column(metric);
        double[] allSteps = table.column("total_steps");
        int[] reported = java.util.stream.IntStream.range(0, values.length).filter(i -> Double.isFinite(values[i])).toArray();
        double[] steps = new double[reported.length];
        double[] smoothed = new double[reported.length];
        double sum = 0;
        for (int k = 0; k < reported.length; k++) {
            sum += values[reported[k]];
            if (k >= window) {
                sum -= values[reported[k - window]];
            }
            steps[k] = allSteps[reported[k]];
            smoothed[k] = sum / Math.min(k + 1, window);
        }
        OptionalDouble score = reported.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(smoothed[reported.length - 1]);
        return new RunScore(steps, smoothed, score);
    }

    /** The smoothed metric at the last report at or before {@code step}; NaN before the first. */
    public double at(double step) {
        int index = Arrays.binarySearch(steps, step);
        int last = index >= 0 ? lastEqual(index) : -index - 2;
        return last < 0 ? Double.NaN : smoothed[last];
    }

    private int lastEqual(int index) {
        while (index + 1 < steps.length && steps[index + 1] == steps[index]) {
            index++;
        }
        return index;
    }

    /** Total steps of the last report; 0 when there is none. */
    public double lastStep() {
        return steps.length == 0 ? 0 : steps[steps.length - 1];
    }
}
