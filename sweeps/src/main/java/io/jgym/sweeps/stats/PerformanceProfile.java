package io.jgym.sweeps.stats;

import java.util.Arrays;

/**
 * A run-score performance profile (rliable's {@code create_performance_profile} with score
 * distributions): for each threshold tau, the fraction of runs that score above tau, averaged over
 * tasks. One curve per configuration shows the whole distribution of outcomes, not only its middle.
 */
public final class PerformanceProfile {
    private final double[] thresholds;

    /** @param thresholds the taus, increasing */
    public PerformanceProfile(double[] thresholds) {
        this.thresholds = thresholds.clone();
    }

    /** {@code points} thresholds evenly spaced from {@code low} to {@code high}. */
    public static PerformanceProfile between(double low, double high, int points) {
        double[] taus = new double[points];
        for (int i = 0; i < points; i++) {
            taus[i] = points == 1 ? low : low + (high - low) * i / (points - 1);
        }
        return new PerformanceProfile(taus);
    }

    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The fraction of runs scoring strictly above each threshold, averaged over tasks. */
    public double[] fractions(Scores scores) {
        double[] fractions = new double[thresholds.length];
        for (double[] task : scores.byTask()) {
            for (int i = 0; i < thresholds.length; i++) {
                double tau = thresholds[i];
                fractions[i] += (double) Arrays.stream(task).filter(score -> score > tau).count() / task.length;
            }
        }
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] /= scores.byTask().size();
        }
        return fractions;
    }
}
