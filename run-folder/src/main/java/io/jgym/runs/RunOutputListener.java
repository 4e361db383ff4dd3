package io.jgym.runs;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
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

    /** @param metrics the trainer's declared metrics: all are columns of metrics.csv, the shown ones are plotted */
    public RunOutputListener(RunFolder run, List<Metric> metrics) {
        this.run = run;
        this.plotted = metrics.stream().filter(Metric::shown).map(Metric::name).toList();
        this.csv = new MetricsCsvListener(run.metricsCsv(), metrics.stream().map(Metric::name).toList());
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
            new LearningCurvePlot(averageWindow(table.rows().size())).write(table, plotted, run.learningCurve());
            RunReport.write(run, table);
        }
    }

    /** Episodes in the moving average drawn over each panel: none for short runs, up to 100 for long ones. */
    static int averageWindow(int episodes) {
        return Math.max(1, Math.min(100, episodes / 20));
    }
}
