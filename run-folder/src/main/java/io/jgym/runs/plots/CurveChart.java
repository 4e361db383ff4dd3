package io.jgym.runs.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds one XChart panel of {@link Series} with the choices every jgym plot shares, so the learning
 * curve, sweep reports and anything else look alike: a white plot, the series in a fixed palette (a
 * band in its curve's colour, translucent), markers while a curve has few points (a single value is a
 * visible dot, not an empty panel), a logarithmic y axis when every value is positive and they span
 * at least {@value #LOG_SPAN}x (losses that fall by decades), and a padded axis range when all
 * values are equal. A curve with more points than twice the panel's width is thinned evenly to
 * that. The legend appears when there is more than one curve; a panel with nothing to draw says so
 * in its title.
 */
public final class CurveChart {
    /** The ratio of largest to smallest value from which the y axis is logarithmic. */
    public static final double LOG_SPAN = 100;
    /** Curves with at most this many points get markers on their lines. */
    static final int MARKED_POINTS = 60;
    /** Point clouds with more values than this are drawn translucent, so density shows. */
    private static final int DENSE_POINTS = 50;
    private static final List<Color> PALETTE = List.of(new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207));
    private static final int BAND_ALPHA = 60;
    /** Points drawn per curve and pixel of panel width, at most. */
    private static final int POINTS_PER_PIXEL = 2;
    private static final int DENSE_ALPHA = 90;

    private CurveChart() {
    }

    /** A {@code width} x {@code height} panel titled {@code title} with {@code series} in palette order. */
    public static XYChart of(String title, String xTitle, String yTitle, List<Series> series, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler(), series.size() > 1);
        Range x = new Range();
        Range y = new Range();
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            int[] kept = thinned(IntStream.range(0, one.x().length).filter(one::drawable).toArray(), POINTS_PER_PIXEL * width);
            if (kept.length == 0) {
                continue;
            }
            Color colour = colour(s);
            double[] xs = pick(one.x(), kept);
            double[] ys = pick(one.y(), kept);
            x.include(xs);
            y.include(ys);
            one.band().ifPresent(band -> {
                double[] lower = pick(band.lower(), kept);
                double[] upper = pick(band.upper(), kept);
                y.include(lower);
                y.include(upper);
                addBand(chart, one, xs, lower, upper, colour);
            });
            addCurve(chart, one, xs, ys, colour);
        }
        scale(chart.getStyler(), x, y);
        if (x.empty()) {
            chart.setTitle(title + " (no values yet)");
        }
        return chart;
    }

    private static void style(XYStyler styler, boolean legend) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendVisible(legend);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 210));
        styler.setMarkerSize(6);
        styler.setAntiAlias(true);
        styler.setXAxisDecimalPattern("#,##0.###"); // episode 20,000 rather than 2E4
    }

    private static void addCurve(XYChart chart, Series one, double[] xs, double[] ys, Color colour) {
        XYSeries drawn = chart.addSeries(one.name(), xs, ys);
        drawn.setLineColor(colour);
        drawn.setMarkerColor(colour);
        drawn.setLineStyle(new BasicStroke(2f));
        switch (one.style()) {
            case POINTS -> {
                drawn.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                drawn.setMarker(SeriesMarkers.CIRCLE);
                if (xs.length > DENSE_POINTS) {
                    drawn.setMarkerColor(withAlpha(colour, DENSE_ALPHA));
                }
            }
            case LINE -> {
                drawn.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                drawn.setMarker(xs.length <= MARKED_POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
            case TREND -> {
                drawn.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                drawn.setMarker(SeriesMarkers.NONE);
            }
            case STEPS -> {
                drawn.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
                drawn.setMarker(xs.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
        }
    }

    /** The band as a closed polygon: along the upper edge, back along the lower one. */
    private static void addBand(XYChart chart, Series one, double[] xs, double[] lower, double[] upper, Color colour) {
        double[][] edges = one.style() == Series.Style.STEPS ? stepped(xs, lower, upper) : new double[][] {xs, lower, upper};
        int n = edges[0].length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = edges[0][i];
            py[i] = edges[2][i];
            px[2 * n - 1 - i] = edges[0][i];
            py[2 * n - 1 - i] = edges[1][i];
        }
        XYSeries band = chart.addSeries(one.name() + " (band)", px, py);
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(withAlpha(colour, BAND_ALPHA));
        band.setLineColor(withAlpha(colour, 0));
        band.setShowInLegend(false);
    }

    /** Edges of a step function's band: each value held until the next x. */
    private static double[][] stepped(double[] xs, double[] lower, double[] upper) {
        int n = xs.length;
        double[][] out = new double[3][Math.max(1, 2 * n - 1)];
        for (int i = 0; i < n; i++) {
            out[0][2 * i] = xs[i];
            out[1][2 * i] = lower[i];
            out[2][2 * i] = upper[i];
            if (i + 1 < n) {
                out[0][2 * i + 1] = xs[i + 1];
                out[1][2 * i + 1] = lower[i];
                out[2][2 * i + 1] = upper[i];
            }
        }
        return out;
    }

    private static void scale(XYStyler styler, Range x, Range y) {
        if (x.empty()) {
            styler.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
            return;
        }
        if (x.min == x.max) {
            styler.setXAxisMin(x.min - 1).setXAxisMax(x.max + 1);
        }
        if (y.min > 0 && y.max / y.min >= LOG_SPAN) {
            styler.setYAxisLogarithmic(true);
        } else if (y.min == y.max) {
            double pad = Math.max(0.5, Math.abs(y.min) * 0.1);
            styler.setYAxisMin(y.min - pad).setYAxisMax(y.max + pad);
        }
    }

    /**
     * At most {@code limit} of {@code indices}, evenly spread and keeping the first and the last: a
     * panel cannot show more points than it has pixels across, and XChart slows down badly with
     * hundreds of thousands (a long tabular run has that many episodes).
     */
    static int[] thinned(int[] indices, int limit) {
        if (indices.length <= limit) {
            return indices;
        }
        return IntStream.range(0, limit).map(j -> indices[(int) Math.round((double) j * (indices.length - 1) / (limit - 1))]).toArray();
    }

    /** The colour of the {@code index}-th series of a chart, for pictures drawn beside one (a legend, interval bars). */
    public static Color colour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    private static double[] pick(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    /** The smallest and largest of the values seen. */
    private static final class Range {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void include(double[] values) {
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        boolean empty() {
            return min > max;
        }
    }
}
