package io.jgym.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a {@code metrics.csv} read back: column names and one numeric row per episode
 * (a missing value, written as an empty cell, reads as NaN). Plots and reports are drawn from this,
 * so a resumed run's pictures cover the whole run.
 *
 * @param columns column names, starting with {@code episode} and {@code total_steps}
 * @param rows    one array per episode, aligned with {@code columns}
 */
public record MetricsTable(List<String> columns, List<double[]> rows) {
    public MetricsTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads {@code csv}; a last line cut short by a crash is skipped. */
    public static MetricsTable read(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return new MetricsTable(List.of(), List.of());
            }
            List<String> columns = Arrays.asList(lines.get(0).split(",", -1));
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length != columns.size()) {
                    continue;
                }
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
                }
                rows.add(row);
            }
            return new MetricsTable(columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + csv, e);
        }
    }

    /** The values of one column, in episode order. */
    public double[] column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in metrics; columns are " + columns);
        }
        return rows.stream().mapToDouble(row -> row[index]).toArray();
    }

    public boolean hasColumn(String name) {
        return columns.contains(name);
    }
}
