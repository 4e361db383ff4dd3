package io.jgym.sweeps.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The final scores of one configuration's runs, grouped by task (an environment or dataset): rliable's
 * runs-by-tasks matrix, except that tasks may hold different numbers of runs (a failed run leaves its
 * task one short). The bootstrap resamples runs within each task, so every resample keeps the tasks.
 *
 * @param byTask one array of run scores per task, none empty
 */
public record Scores(List<double[]> byTask) {
    public Scores {
        if (byTask.isEmpty() || byTask.stream().anyMatch(task -> task.length == 0)) {
            throw new IllegalArgumentException("scores need at least one task and at least one run per task");
        }
        byTask = byTask.stream().map(double[]::clone).toList();
    }

    /** Scores of runs on a single task. */
    public static Scores of(double... runs) {
        return new Scores(List.of(runs));
    }

    /** Every run's score, task after task. */
    public double[] flattened() {
        return byTask.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** The number of runs over all tasks. */
    public int runs() {
        return byTask.stream().mapToInt(task -> task.length).sum();
    }
}
