package io.jgym.runs;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.tensorboard.TensorBoardListener;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * Everything a run writes besides checkpoints: {@code metrics.csv} row by row, the TensorBoard event
 * file (scalars and the trainer's pictures) episode by episode, and, when training ends (also when it
 * stops early or fails), the learning-curve PNG and {@code report.html}.
 */
public final class RunOutputListener implements TrainingListener {
    private final RunFolder run;
    private final List<String> plotted;
    private final MetricsCsvListener csv;
    private final TensorBoardListener tensorBoard;

    /** @param metrics the trainer's declared metrics: all are columns of metrics.csv, the shown ones are plotted */
    public RunOutputListener(RunFolder run, List<Metric> metrics) {
        this.run = run;
        this.plotted = metrics.stream().filter(Metric::shown).map(Metric::name).toList();
        this.csv = new MetricsCsvListener(run.metricsCsv(), metrics.stream().map(Metric::name).toList());
        this.tensorBoard = new TensorBoardListener(run.root(),
                Set.of(run.learningCurve().getFileName().toString(), RunFolder.CHECKPOINTS));
    }

    @Override
    public void onStart(String runName, List<Metric> metrics) {
        tensorBoard.onStart(runName, metrics);
    }

    @Override
    public void onEpisode(EpisodeReport report) {
        csv.onEpisode(report);
        tensorBoard.onEpisode(report);
    }

    @Override
    public void onEnd() {
        try {
            csv.onEnd();
        } finally {
            tensorBoard.onEnd(); // closed even when the CSV could not be
        }
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
