package io.jgym.launcher;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints one progress line at most every {@code intervalSeconds} (and for the last episode):
 * episode, environment steps, the chosen metrics, and wall time. Works for any trainer.
 */
final class ProgressPrinter implements TrainingListener {
    /** A metric to show: its label and the name it has in {@link EpisodeReport#metrics()}. */
    record Column(String label, String metric, String format) {
    }

    private final PrintStream out;
    private final List<Column> columns;
    private final long intervalNanos;
    private long started;
    private long lastPrint;
    private EpisodeReport pending;

    ProgressPrinter(PrintStream out, List<Column> columns, double intervalSeconds) {
        this.out = out;
        this.columns = List.copyOf(columns);
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    @Override
    public void onStart(String runName) {
        started = System.nanoTime();
        lastPrint = started;
        out.println("training " + runName);
    }

    @Override
    public void onEpisode(EpisodeReport report) {
        pending = report;
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos) {
            print(report, now);
        }
    }

    @Override
    public void onEnd() {
        if (pending != null) {
            print(pending, System.nanoTime());
        }
    }

    private void print(EpisodeReport report, long now) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format("episode %,d", report.episode()));
        parts.add(String.format("steps %,d", report.totalSteps()));
        for (Column column : columns) {
            Double value = report.metrics().get(column.metric());
            if (value != null && Double.isFinite(value)) {
                parts.add(column.label() + " " + String.format(column.format(), value));
            }
        }
        parts.add(String.format("%.1fs", (now - started) / 1e9));
        out.println(String.join(" | ", parts));
        lastPrint = now;
        pending = null;
    }
}
