package io.jgym.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvListenerTest {
    private static final List<String> COLUMNS = List.of("a/first", "b/second");

    private static EpisodeReport report(long episode, double value) {
        return EpisodeReport.of(episode, 10 * (episode + 1), Map.of("b/second", value));
    }

    @Test
    void aMetricFirstReportedLaterStillGetsItsColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("metrics.csv");
        MetricsCsvListener listener = new MetricsCsvListener(csv, COLUMNS);
        listener.onEpisode(report(0, 1));
        listener.onEpisode(EpisodeReport.of(1, 20, Map.of("a/first", 7.0, "b/second", 2.0)));
        listener.onEnd();
        assertEquals(List.of("episode,total_steps,a/first,b/second", "0,10,,1.0", "1,20,7.0,2.0"), Files.readAllLines(csv));
    }

    @Test
    void writesOneRowPerEpisodeWithEmptyCellsForMissingValues(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("metrics.csv");
        MetricsCsvListener listener = new MetricsCsvListener(csv, COLUMNS);
        for (int e = 0; e < 3; e++) {
            listener.onEpisode(report(e, e * 1.5));
        }
        listener.onEnd();
        assertEquals(List.of("episode,total_steps,a/first,b/second", "0,10,,0.0", "1,20,,1.5", "2,30,,3.0"),
                Files.readAllLines(csv));
        MetricsTable table = MetricsTable.read(csv);
        assertArrayEquals(new double[] {0.0, 1.5, 3.0}, table.column("b/second"));
        assertTrue(Double.isNaN(table.column("a/first")[0]));
    }

    @Test
    void aResumedRunDropsTheRowsWrittenAfterItsCheckpoint(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("metrics.csv");
        MetricsCsvListener crashed = new MetricsCsvListener(csv, COLUMNS);
        for (int e = 0; e < 5; e++) {
            crashed.onEpisode(report(e, e));
        }
        Files.writeString(csv, "5,60,,5.", java.nio.file.StandardOpenOption.APPEND); // a row cut short by the crash
        MetricsCsvListener resumed = new MetricsCsvListener(csv, COLUMNS);
        resumed.onEpisode(report(3, 30));
        resumed.onEnd();
        assertEquals(List.of("episode,total_steps,a/first,b/second", "0,10,,0.0", "1,20,,1.0", "2,30,,2.0", "3,40,,30.0"),
                Files.readAllLines(csv));
    }

    @Test
    void refusesToMixColumnsOfAnotherRun(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("metrics.csv");
        Files.writeString(csv, "episode,total_steps,other\n0,1,2\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new MetricsCsvListener(csv, COLUMNS).onEpisode(report(0, 1)));
        assertTrue(e.getMessage().contains("has columns episode,total_steps,other"), e.getMessage());
    }
}
