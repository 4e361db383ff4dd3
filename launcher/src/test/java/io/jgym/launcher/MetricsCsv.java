package io.jgym.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a run's metrics.csv lines for comparing two runs: without a column that differs from run to
 * run however deterministic the training (wall time per epoch).
 */
final class MetricsCsv {
    private MetricsCsv() {
    }

    /** CSV lines with the column headed {@code name} removed. */
    static List<String> withoutColumn(List<String> csv, String name) {
        int column = Arrays.asList(csv.get(0).split(",", -1)).indexOf(name);
        if (column < 0) {
            throw new AssertionError("no column " + name + " in " + csv.get(0));
        }
        List<String> kept = new ArrayList<>();
        for (String line : csv) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(column);
            kept.add(String.join(",", cells));
        }
        return kept;
    }
}
