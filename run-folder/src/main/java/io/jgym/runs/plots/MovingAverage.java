package io.jgym.runs.plots;

/**
 * Smoothing for noisy curves: a trailing moving average, and a test of whether a curve is noisy
 * enough to need one. RL returns jump from episode to episode, so their trend only shows averaged;
 * a loss that falls smoothly is clearer drawn as it is.
 */
public final class MovingAverage {
    /**
     * A curve is noisy when its mean step between neighbouring values is at least this share of its
     * standard deviation (white noise: about 1.13; a smooth trend: near 0).
     */
    static final double NOISY_ROUGHNESS = 0.25;

    private MovingAverage() {
    }

    /**
     * The mean of the finite values among the last {@code window} entries up to each position
     * (NaN where there are none), so metrics measured only in some episodes average over those.
     */
    public static double[] trailing(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("a moving average needs a window of at least 1, got " + window);
        }
        double[] means = new double[values.length];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                count++;
            }
            int dropped = i - window;
            if (dropped >= 0 && Double.isFinite(values[dropped])) {
                sum -= values[dropped];
                count--;
            }
            means[i] = count == 0 ? Double.NaN : sum / count;
        }
        return means;
    }

    /** Whether the finite values, in order, jump around their trend (see {@link #NOISY_ROUGHNESS}). */
    public static boolean noisy(double[] values) {
        double sum = 0;
        double squares = 0;
        double steps = 0;
        int count = 0;
        double previous = Double.NaN;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            sum += v;
            squares += v * v;
            if (count > 0) {
                steps += Math.abs(v - previous);
            }
            previous = v;
            count++;
        }
        if (count < 3) {
            return false;
        }
        double mean = sum / count;
        double deviation = Math.sqrt(Math.max(0, squares / count - mean * mean));
        return deviation > 0 && steps / (count - 1) >= NOISY_ROUGHNESS * deviation;
    }
}
