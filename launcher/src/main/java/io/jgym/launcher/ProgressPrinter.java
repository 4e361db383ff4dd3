package io.jgym.launcher;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints one progress line at most every {@code intervalSeconds} (and for the last episode):
 * episode, steps, the trainer's shown metrics in their declared format, and wall time. Works for
 * every trainer, because the columns come from what the trainer declared.
 */
final class ProgressPrinter implements TrainingListener {
    private final PrintWriter out;
    private final long intervalNanos;
    private List<Metric> shown = List.of();
    private long started;
    private long lastPrint;
    private EpisodeReport pending;

    ProgressPrinter(PrintWriter out, double intervalSeconds) {
        this.out = out;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    @Override
    public void onStart(String runName, List<Metric> metrics) {
        shown = metrics.stream().filter(Metric::shown).toList();
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
        for (Metric metric : shown) {
            Double value = report.metrics().get(metric.name());
            if (value != null) {
                parts.add(metric.label() + " " + String.format(metric.format(), value));
            }
        }
        parts.add(String.format("%.1fs", (now - started) / 1e9));
        out.println(String.join(" | ", parts));
        lastPrint = now;
        pending = null;
    }
}
