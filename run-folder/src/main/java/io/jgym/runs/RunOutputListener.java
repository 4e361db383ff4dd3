package io.jgym.runs;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import java.nio.file.Files;
import java.util.List;

/**
 * Everything a run writes besides checkpoints: {@code metrics.csv} row by row, and, when training
 * ends (also when it stops early or fails), the learning-curve PNG and {@code report.html}.
 */
public final class RunOutputListener implements TrainingListener {
    private final RunFolder run;
    private final List<String> plotted;
    private final MetricsCsvListener csv;
    private final LearningCurvePlot plot;

    /**
     * @param plotted       metric names drawn, one panel each
     * @param averageWindow episodes in the moving average drawn over each panel
     */
    public RunOutputListener(RunFolder run, List<String> plotted, int averageWindow) {
        this.run = run;
        this.plotted = List.copyOf(plotted);
        this.csv = new MetricsCsvListener(run.metricsCsv());
        this.plot = new LearningCurvePlot(averageWindow);
    }

    @Override
    public void onEpisode(EpisodeReport report) {
        csv.onEpisode(report);
    }

    @Override
    public void onEnd() {
        csv.onEnd();
        if (Files.exists(run.metricsCsv())) {
            MetricsTable table = MetricsTable.read(run.metricsCsv());
            plot.write(table, plotted, run.learningCurve());
            RunReport.write(run, table);
        }
    }
}
