package io.jgym.sweeps.report;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.sweeps.stats.Aggregate;
import io.jgym.sweeps.stats.Interval;
import io.jgym.sweeps.stats.PerformanceProfile;
import io.jgym.sweeps.stats.Scores;
import io.jgym.sweeps.stats.StratifiedBootstrap;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)};

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
        save(folder.resolve(SCORES), panels, PANEL_WIDTH);
        written.add(SCORES);
        save(folder.resolve(PROFILE), List.of(profile(scored)), WIDE);
        written.add(PROFILE);
        curves(scored).ifPresent(chart -> {
            save(folder.resolve(CURVES), List.of(chart), WIDE);
            written.add(CURVES);
        });
        return written;
    }

    private XYChart intervals(List<SweepSummary.ConfigurationRow> rows, int aggregate) {
        Aggregate which = SweepSummary.AGGREGATES.get(aggregate);
        XYChart chart = chart(PANEL_WIDTH, which.label() + " (95% CI)", summary.plan().spec().metric(), "");
        // Rows are configurations 0..n-1 from the bottom; the legend under each panel names them.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(-0.5).setYAxisMax(rows.size() - 0.5);
        chart.getStyler().setYAxisTicksVisible(false);
        for (int i = 0; i < rows.size(); i++) {
            Interval interval = rows.get(i).estimates().get(aggregate);
            XYSeries range = chart.addSeries(rows.get(i).configuration().id(), new double[] {interval.lower(), interval.upper()},
                    new double[] {i, i});
            range.setMarker(SeriesMarkers.NONE).setLineColor(color(i)).setLineWidth(8f);
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
        XYChart chart = chart(WIDE, "Performance profile: fraction of runs scoring above tau (95% bands)",
                "tau (" + summary.plan().spec().metric() + ")", "fraction of runs > tau");
        for (int i = 0; i < rows.size(); i++) {
            band(chart, rows.get(i).configuration().id(), profile.thresholds(), bands.intervals(rows.get(i).scores().orElseThrow(),
                    profile::fractions), color(i)).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        return chart;
    }

    private Optional<XYChart> curves(List<SweepSummary.ConfigurationRow> rows) {
        XYChart chart = chart(WIDE, "IQM learning curves (trailing mean of " + summary.plan().spec().lastEpisodes() + " reports, 95% bands)",
                "total steps", summary.plan().spec().metric());
        boolean any = false;
        for (int i = 0; i < rows.size(); i++) {
            List<RunRow> runs = summary.runsOf(rows.get(i).configuration()).stream().filter(RunRow::scored).toList();
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
            band(chart, rows.get(i).configuration().id(), grid, bands.intervals(indices, drawn -> iqmPerPoint(drawn, curves)), color(i));
            any = true;
        }
        return any ? Optional.of(chart) : Optional.empty();
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

    /** Draws {@code y}'s estimates as a line over its interval as a translucent band; returns the line. */
    private static XYSeries band(XYChart chart, String name, double[] x, Interval[] y, Color color) {
        double[] polygonX = new double[2 * x.length];
        double[] polygonY = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            polygonX[i] = x[i];
            polygonY[i] = y[i].upper();
            polygonX[2 * x.length - 1 - i] = x[i];
            polygonY[2 * x.length - 1 - i] = y[i].lower();
        }
        XYSeries area = chart.addSeries(name + " 95% band", polygonX, polygonY);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea).setMarker(SeriesMarkers.NONE);
        area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        area.setLineColor(new Color(0, 0, 0, 0));
        area.setShowInLegend(false);
        XYSeries line = chart.addSeries(name, x, Arrays.stream(y).mapToDouble(Interval::estimate).toArray());
        line.setMarker(SeriesMarkers.NONE).setLineColor(color).setLineWidth(2f);
        return line;
    }

    private static XYChart chart(int width, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE).setAntiAlias(true).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###").setYAxisDecimalPattern("#,##0.###");
        return chart;
    }

    private static Color color(int index) {
        return COLORS[index % COLORS.length];
    }

    private static void save(Path file, List<XYChart> panels, int panelWidth) {
        BufferedImage image = new BufferedImage(panelWidth * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D panel = (Graphics2D) graphics.create(i * panelWidth, 0, panelWidth, HEIGHT);
            panels.get(i).paint(panel, panelWidth, HEIGHT);
            panel.dispose();
        }
        graphics.dispose();
        AtomicFiles.writePng(file, image);
    }
}
