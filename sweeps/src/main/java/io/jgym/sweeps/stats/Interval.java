package io.jgym.sweeps.stats;

/**
 * A point estimate and its confidence interval.
 *
 * @param estimate the statistic on the data as observed
 * @param lower    the lower end of the interval
 * @param upper    the upper end
 */
public record Interval(double estimate, double lower, double upper) {

    /** As a report writes it: {@code 0.71 [0.65, 0.77]}, each number with {@code format}. */
    public String format(String format) {
        return String.format(format + " [" + format + ", " + format + "]", estimate, lower, upper);
    }
}
