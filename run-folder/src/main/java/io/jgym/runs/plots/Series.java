package io.jgym.runs.plots;

import java.util.Optional;

/**
 * One named curve of a {@link CurveChart}: x and y values drawn as points, a line or a step line, and
 * optionally a band from {@code lower} to {@code upper} around it (a confidence interval, a spread
 * over seeds) shaded in the curve's colour. Points where a value is NaN or infinite are left out
 * when drawn, so a metric measured only in some episodes plots as it is.
 *
 * @param name  the legend entry
 * @param style how the values are joined
 * @param x     x values, in drawing order
 * @param y     y values, one per x
 * @param band  the band's edges, one pair per x, if any
 */
public record Series(String name, Style style, double[] x, double[] y, Optional<Band> band) {

    /** How a series is drawn. */
    public enum Style {
        /** A marker per value and no line: raw, noisy values. */
        POINTS,
        /** Values joined by straight lines (with markers while they are few, so one value still shows). */
        LINE,
        /** A line without markers: a smoothed trend drawn over the points it summarises. */
        TREND,
        /** A step line, as for empirical distribution functions and performance profiles. */
        STEPS
    }

    /** Lower and upper edges of a band, aligned with the series' x values. */
    public record Band(double[] lower, double[] upper) {
        public Band {
            if (lower.length != upper.length) {
                throw new IllegalArgumentException("a band needs as many lower as upper values, got " + lower.length
                        + " and " + upper.length);
            }
        }
    }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values and " + y.length + " y values");
        }
        band.ifPresent(b -> {
            if (b.lower().length != x.length) {
                throw new IllegalArgumentException("the band of series '" + name + "' has " + b.lower().length
                        + " values for " + x.length + " points");
            }
        });
    }

    /** Values drawn as separate markers. */
    public static Series points(String name, double[] x, double[] y) {
        return new Series(name, Style.POINTS, x, y, Optional.empty());
    }

    /** Values joined by lines. */
    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, Style.LINE, x, y, Optional.empty());
    }

    /** A smoothed trend, joined by a line without markers. */
    public static Series trend(String name, double[] x, double[] y) {
        return new Series(name, Style.TREND, x, y, Optional.empty());
    }

    /** Values joined by a step line. */
    public static Series steps(String name, double[] x, double[] y) {
        return new Series(name, Style.STEPS, x, y, Optional.empty());
    }

    /** This series with a band from {@code lower} to {@code upper} around it. */
    public Series withBand(double[] lower, double[] upper) {
        return new Series(name, style, x, y, Optional.of(new Band(lower, upper)));
    }

    /** Whether point {@code i} can be drawn: x, y and the band's edges (if any) are finite. */
    boolean drawable(int i) {
        return Double.isFinite(x[i]) && Double.isFinite(y[i])
                && band.map(b -> Double.isFinite(b.lower()[i]) && Double.isFinite(b.upper()[i])).orElse(true);
    }
}
