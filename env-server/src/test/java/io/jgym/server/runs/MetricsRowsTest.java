package io.jgym.server.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a metrics.csv as a run writes it: rows come once each, in order, a line still being
 * written waits for its end, and a file a resumed run rewrote is handed out again as it now is.
 */
class MetricsRowsTest {
    private static final String HEADER = "episode,total_steps,charts/episodic_return,losses/td_loss\n";

    private static void append(Path csv, String text) throws IOException {
        Files.writeString(csv, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<Object> episodes(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("episode")).toList();
    }

    @Test
    void rowsComeOnceEachAndAHalfWrittenLineWaitsForItsEnd(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("metrics.csv");
        MetricsRows rows = new MetricsRows(csv, 0);
        assertEquals(List.of(), rows.poll(100), "no file yet");
        append(csv, HEADER + "0,10,1.0,0.5\n1,21,2.0,\n2,3");
        List<Map<String, Object>> first = rows.poll(100);
        assertEquals(List.of(0L, 1L), episodes(first));
        assertNull(first.get(1).get("losses/td_loss"), "an unmeasured value is null");
        assertEquals(List.of("episode", "total_steps", "charts/episodic_return", "losses/td_loss"), rows.columns());
        assertEquals(List.of(), rows.poll(100), "the third line is not finished");
        append(csv, "3,3.0,0.25\n3,40,4.0,0.125\n");
        List<Map<String, Object>> rest = rows.poll(1);
        assertEquals(List.of(2L), episodes(rest), "at most the limit");
        assertEquals(33L, rest.get(0).get("total_steps"));
        assertEquals(List.of(3L), episodes(rows.poll(100)));
        assertEquals(4, rows.nextEpisode());
    }

    @Test
    void aFileRewrittenByAResumedRunIsHandedOutAgainAsItNowIs(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("metrics.csv");
        AtomicFiles.writeString(csv, HEADER + "0,10,1.0,0.5\n1,20,2.0,0.4\n2,30,3.0,0.3\n");
        MetricsRows rows = new MetricsRows(csv, 1);
        assertEquals(List.of(1L, 2L), episodes(rows.poll(100)), "from the episode asked for");
        // Killed after episode 2, checkpointed after episode 1: the resumed run keeps rows 0-1 and trains 2 again.
        AtomicFiles.writeString(csv, HEADER + "0,10,1.0,0.5\n1,20,2.0,0.4\n");
        append(csv, "2,31,9.0,0.2\n");
        List<Map<String, Object>> again = rows.poll(100);
        assertEquals(List.of(1L, 2L), episodes(again));
        assertEquals(9.0, again.get(1).get("charts/episodic_return"), "episode 2 as trained again");
    }

    @Test
    void theLastRowIsReadFromTheFilesTail(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("metrics.csv");
        assertTrue(MetricsRows.last(csv).isEmpty());
        StringBuilder text = new StringBuilder(HEADER);
        for (int episode = 0; episode < 5000; episode++) {
            text.append(episode).append(',').append(episode * 10).append(",1.5,\n");
        }
        Files.writeString(csv, text.append("5000,50"));
        Map<String, Object> last = MetricsRows.last(csv);
        assertEquals(4999L, last.get("episode"), "the cut last line is skipped");
        assertEquals(1.5, last.get("charts/episodic_return"));
        assertEquals(List.of("charts/episodic_return", "losses/td_loss"), MetricsRows.metricNames(MetricsRows.header(csv)));
    }
}
