package io.jgym.sweeps.report;

import io.jgym.sweeps.stats.Aggregate;
import io.jgym.sweeps.stats.Interval;
import io.jgym.sweeps.stats.PerformanceProfile;
import io.jgym.sweeps.stats.Scores;
import io.jgym.sweeps.stats.StratifiedBootstrap;
import io.jgym.runs.plots.CurveChart;
import io.jgym.runs.plots.Figure;
import io.jgym.runs.plots.Series;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The sweep report's pictures, drawn with XChart: the interval estimates of IQM, mean and median per
 * configuration ({@code scores.png}, as rliable's {@code plot_interval_estimates}), run-score
 * performance profiles with 95% bands ({@code performance-profile.png}) and the IQM learning curve of
 * each configuration with its 95% band ({@code learning-curves.png}).
 */
final class SweepCharts {
    static final String SCORES = "scores.png";
    static final String PROFILE = "performance-profile.png";
    static final String CURVES = "learning-curves.png";
    /** Thresholds in a performance profile and points on a learning curve. */
    private static final int POINTS = 50;
    /** Resamples behind each band point: fewer than for the scores, as each band has 50 points. */
    private static final int BAND_REPS = 2_000;
    private static final int PANEL_WIDTH = 420;
    private static final int WIDE = 900;
    private static final int HEIGHT = 380;

    private final SweepSummary summary;
    private final StratifiedBootstrap bands = new StratifiedBootstrap(BAND_REPS, SweepSummary.BOOTSTRAP_SEED, SweepSummary.CONFIDENCE);

    SweepCharts(SweepSummary summary) {
        this.summary = summary;
    }

    /** Writes the three PNGs into {@code folder}; a picture with nothing to show is not written. */
    List<String> write(Path folder) {
        List<String> written = new ArrayList<>();
        List<SweepSummary.ConfigurationRow> scored = summary.configurations().stream().filter(c -> c.scores().isPresent()).toList();
        if (scored.isEmpty()) {
            return written;
        }
        List<XYChart> panels = new ArrayList<>();
        for (int a = 0; a < SweepSummary.AGGREGATES.size(); a++) {
            panels.add(intervals(scored, a));
        }
        Figure.write(panels, panels.size(), folder.resolve(SCORES));
        written.add(SCORES);
        Figure.write(List.of(profile(scored)), 1, folder.resolve(PROFILE));
        written.add(PROFILE);
        curves(scored).ifPresent(chart -> {
            Figure.write(List.of(chart), 1, folder.resolve(CURVES));
            written.add(CURVES);
        });
        return written;
    }

    private XYChart intervals(List<SweepSummary.ConfigurationRow> rows, int aggregate) {
        Aggregate which = SweepSummary.AGGREGATES.get(aggregate);
        XYChart chart = styled(new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT).title(which.label() + " (95% CI)")
                .xAxisTitle(summary.plan().spec().metric()).build());
        chart.getStyler().setAntiAlias(true).setChartBackgroundColor(Color.WHITE);
        // Rows are configurations 0..n-1 from the bottom; the legend under each panel names them.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(-0.5).setYAxisMax(rows.size() - 0.5);
        chart.getStyler().setYAxisTicksVisible(false);
        for (int i = 0; i < rows.size(); i++) {
            Interval interval = rows.get(i).estimates().get(aggregate);
            XYSeries range = chart.addSeries(rows.get(i).configuration().id(), new double[] {interval.lower(), interval.upper()},
                    new double[] {i, i});
            range.setMarker(SeriesMarkers.NONE).setLineColor(CurveChart.colour(i)).setLineWidth(8f);
            XYSeries point = chart.addSeries(rows.get(i).configuration().id() + " " + which.label(), new double[] {interval.estimate()},
                    new double[] {i});
            point.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(Color.BLACK).setShowInLegend(false);
        }
        return chart;
    }

    private XYChart profile(List<SweepSummary.ConfigurationRow> rows) {
        double low = rows.stream().flatMapToDouble(r -> Arrays.stream(r.scores().orElseThrow().flattened())).min().orElseThrow();
        double high = rows.stream().flatMapToDouble(r -> Arrays.stream(r.scores().orElseThrow().flattened())).max().orElseThrow();
        PerformanceProfile profile = PerformanceProfile.between(low, high, POINTS);
        List<Series> series = new ArrayList<>();
        for (SweepSummary.ConfigurationRow row : rows) {
            Interval[] fractions = bands.intervals(row.scores().orElseThrow(), profile::fractions);
            series.add(banded(Series.steps(row.configuration().id(), profile.thresholds(), estimates(fractions)), fractions));
        }
        return styled(CurveChart.of("Performance profile: fraction of runs scoring above tau (95% bands)",
                "tau (" + summary.plan().spec().metric() + ")", "fraction of runs > tau", series, WIDE, HEIGHT));
    }

    private Optional<XYChart> curves(List<SweepSummary.ConfigurationRow> rows) {
        List<Series> series = new ArrayList<>();
        for (SweepSummary.ConfigurationRow row : rows) {
            List<RunRow> runs = summary.runsOf(row.configuration()).stream().filter(RunRow::scored).toList();
            double end = runs.stream().mapToDouble(r -> r.score().lastStep()).min().orElse(0);
            double start = runs.stream().mapToDouble(r -> r.score().steps()[0]).max().orElse(0);
            if (end <= start) {
                continue;
            }
            double[] grid = IntStream.range(0, POINTS).mapToDouble(p -> start + (end - start) * p / (POINTS - 1)).toArray();
            double[][] curves = runs.stream().map(r -> Arrays.stream(grid).map(r.score()::at).toArray()).toArray(double[][]::new);
            // The bootstrap draws whole runs (within tasks): its "scores" are run indices, read back as curves.
            int[] next = {0};
            Scores indices = SweepSummary.scores(runs, r -> next[0]++).orElseThrow();
            Interval[] iqm = bands.intervals(indices, drawn -> iqmPerPoint(drawn, curves));
            series.add(banded(Series.trend(row.configuration().id(), grid, estimates(iqm)), iqm));
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(styled(CurveChart.of("IQM learning curves (trailing mean of " + summary.plan().spec().lastEpisodes()
                + " reports, 95% bands)", "total steps", summary.plan().spec().metric(), series, WIDE, HEIGHT)));
    }

    /** The IQM over the drawn runs' curves at each point. */
    private static double[] iqmPerPoint(Scores drawnRuns, double[][] curves) {
        double[] iqm = new double[curves[0].length];
        for (int p = 0; p < iqm.length; p++) {
            int point = p;
            iqm[p] = Aggregate.IQM.of(new Scores(drawnRuns.byTask().stream()
                    .map(task -> Arrays.stream(task).map(run -> curves[(int) run][point]).toArray()).toList()));
        }
        return iqm;
    }

    private static double[] estimates(Interval[] intervals) {
        return Arrays.stream(intervals).mapToDouble(Interval::estimate).toArray();
    }

    /** {@code series} with its intervals' edges as its band. */
    private static Series banded(Series series, Interval[] intervals) {
        return series.withBand(Arrays.stream(intervals).mapToDouble(Interval::lower).toArray(),
                Arrays.stream(intervals).mapToDouble(Interval::upper).toArray());
    }

    /** The sweep report's choices over CurveChart's: legend bottom right, plain decimal axis labels. */
    private static XYChart styled(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###").setYAxisDecimalPattern("#,##0.###");
        return chart;
    }
}
