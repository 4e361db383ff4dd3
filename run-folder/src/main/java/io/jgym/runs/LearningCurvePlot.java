package io.jgym.runs;

import io.jgym.runs.plots.CurveChart;
import io.jgym.runs.plots.Figure;
import io.jgym.runs.plots.MovingAverage;
import io.jgym.runs.plots.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Draws a run's {@code learning-curve.png} with XChart: one panel per chosen metric against the
 * episode. A noisy metric (RL returns) shows every episode's value as faint dots under the moving
 * average of the last {@code averageWindow} episodes (from {@value #MIN_AVERAGE_WINDOW} episodes up);
 * a smooth one (most losses) is one line; a metric recorded once is one dot. Every panel spans the
 * run's episodes; the y axis is logarithmic where values span decades (see {@link CurveChart}). More
 * than {@value #ONE_COLUMN_MAX} panels are laid out in two columns.
 */
public final class LearningCurvePlot {
    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 280; // below about 270, XChart squeezes in twice the y-axis labels
    private static final int ONE_COLUMN_MAX = 4;
    /** A moving average over fewer episodes hardly smooths: below this, values are joined as they are. */
    private static final int MIN_AVERAGE_WINDOW = 5;

    private final int averageWindow;

    /**
     * @param averageWindow episodes in the moving average drawn over a noisy metric; below
     *                      {@value #MIN_AVERAGE_WINDOW} none is drawn
     */
    public LearningCurvePlot(int averageWindow) {
        this.averageWindow = averageWindow;
    }

    /** Writes the plot of {@code metrics} (those present in {@code table}) to {@code png}. */
    public void write(MetricsTable table, List<String> metrics, Path png) {
        List<String> present = metrics.stream().filter(table::hasColumn).toList();
        int columns = present.size() > ONE_COLUMN_MAX ? 2 : 1;
        double[] episodes = table.hasColumn("episode") ? table.column("episode") : new double[0];
        List<XYChart> panels = new ArrayList<>();
        for (String metric : present) {
            double[] values = table.column(metric);
            String title = averaged(values) ? metric + "  (dots: each episode, line: mean of last " + averageWindow + ")" : metric;
            XYChart panel = CurveChart.of(title, "episode", "", curves(episodes, values), WIDTH / columns, PANEL_HEIGHT);
            panel.getStyler().setLegendVisible(false); // the title says what the dots and the line are
            if (episodes.length > 1) { // every panel spans the whole run, also for metrics measured now and then
                panel.getStyler().setXAxisMin(episodes[0]).setXAxisMax(episodes[episodes.length - 1]);
            }
            panels.add(panel);
        }
        if (panels.isEmpty()) {
            panels.add(CurveChart.of("no metrics recorded yet", "episode", "", List.of(), WIDTH, PANEL_HEIGHT));
        }
        Figure.write(panels, columns, png);
    }

    private boolean averaged(double[] values) {
        return averageWindow >= MIN_AVERAGE_WINDOW && MovingAverage.noisy(values);
    }

    private List<Series> curves(double[] episodes, double[] values) {
        if (averaged(values)) {
            return List.of(Series.points("every episode", episodes, values),
                    Series.trend("mean of last " + averageWindow, episodes, MovingAverage.trailing(values, averageWindow)));
        }
        return List.of(Series.line("value", episodes, values));
    }
}
