package io.jgym.runs;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes {@code metrics.csv}: a header of {@code episode,total_steps} and the trainer's declared
 * metric names, then one row per episode, flushed as it happens; a metric an episode did not measure
 * is an empty cell. When a resumed run reports its first episode, rows
 * from that episode on (written after the last checkpoint by the interrupted run) are dropped
 * first, so the file always matches the checkpointed history.
 */
public final class MetricsCsvListener implements TrainingListener {
    private final Path file;
    private BufferedWriter writer;
    private final List<String> metricNames;

    /** @param metricNames the columns after {@code episode,total_steps}: every metric the trainer declared */
    public MetricsCsvListener(Path file, List<String> metricNames) {
        this.file = file;
        this.metricNames = List.copyOf(metricNames);
    }

    @Override
    public void onEpisode(EpisodeReport report) {
        try {
            if (writer == null) {
                open(report);
            }
            StringBuilder line = new StringBuilder().append(report.episode()).append(',').append(report.totalSteps());
            for (String name : metricNames) {
                Double value = report.metrics().get(name);
                line.append(',');
                if (value != null && Double.isFinite(value)) {
                    line.append(value);
                }
            }
            writer.write(line.append('\n').toString());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private void open(EpisodeReport first) throws IOException {
        String header = "episode,total_steps," + String.join(",", metricNames);
        StringBuilder kept = new StringBuilder(header).append('\n');
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && !lines.get(0).equals(header)) {
                throw new IllegalStateException(file + " has columns " + lines.get(0) + ", this run reports " + header);
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length == metricNames.size() + 2 && Long.parseLong(cells[0]) < first.episode()) {
                    kept.append(line).append('\n');
                }
            }
        }
        AtomicFiles.writeString(file, kept.toString());
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public void onEnd() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close " + file, e);
            }
        }
    }
}
