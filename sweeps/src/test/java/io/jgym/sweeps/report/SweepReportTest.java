package io.jgym.sweeps.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.runs.RunStatus;
import io.jgym.sweeps.PlannedRun;
import io.jgym.sweeps.SweepPlan;
import io.jgym.sweeps.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a sweep over two tasks, from run folders written as trainers write them: the summary
 * holds the values worked out by hand, failed runs are listed and left out, and the pictures exist.
 */
class SweepReportTest {
    @TempDir
    Path runs;

    @Test
    void summaryHoldsHandComputedAggregatesAndFailedRunsAreListedApart() throws Exception {
        SweepSpec spec = new SweepSpec("two-tasks", "q-learning", Optional.empty(), Map.of("episodes", 4), Map.of("gamma", List.of(0.9)),
                List.of(), List.of(1L, 2L, 3L), Optional.of("env"), List.of("A", "B"), SweepSpec.DEFAULT_METRIC, 2, 1_000);
        SweepPlan plan = SweepPlan.of(spec, runs);
        // Each run's score is the mean of its last two returns: task A scores 1, 2, 3; task B 10, 20 and a failed run.
        double[] scores = {1, 2, 3, 10, 20, Double.NaN};
        List<RunRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            PlannedRun run = plan.runs().get(i);
            Path folder = plan.folder().resolve(run.name());
            Files.createDirectories(folder);
            boolean failed = Double.isNaN(scores[i]);
            String last = failed ? "" : String.valueOf(scores[i]);
            Files.writeString(folder.resolve("metrics.csv"), "episode,total_steps," + SweepSpec.DEFAULT_METRIC + "\n0,5,0\n1,9,0\n2,14," + last
                    + "\n3,20," + last + "\n");
            rows.add(new RunRow(run, failed ? RunStatus.State.FAILED : RunStatus.State.FINISHED, failed ? "exit code 1: diverged" : "", 4,
                    "host", 1.5, RunScore.read(folder, SweepSpec.DEFAULT_METRIC, 2)));
        }
        SweepSummary summary = SweepSummary.of(plan, rows);
        SweepReport.write(summary);

        List<String> csv = Files.readAllLines(plan.folder().resolve(SweepReport.SUMMARY));
        assertEquals("configuration,settings,runs,scored,iqm,iqm_low,iqm_high,mean,mean_low,mean_high,median,median_low,median_high", csv.get(0));
        String[] cells = csv.get(1).split(",");
        assertEquals(List.of("gamma_0.9", "gamma=0.9", "6", "5"), List.of(cells).subList(0, 4));
        assertEquals(5.0, Double.parseDouble(cells[4]), 1e-12);     // IQM of 1, 2, 3, 10, 20: cut one each end -> (2 + 3 + 10) / 3
        assertEquals(8.5, Double.parseDouble(cells[7]), 1e-12);     // mean of the task means: (2 + 15) / 2
        assertEquals(3.0, Double.parseDouble(cells[10]), 1e-12);    // median of the five scores
        for (int estimate : new int[] {4, 7, 10}) {
            double low = Double.parseDouble(cells[estimate + 1]);
            double high = Double.parseDouble(cells[estimate + 2]);
            assertTrue(low <= high && low >= 1 && high <= 20, csv.get(1));
        }

        List<String> runRows = Files.readAllLines(plan.folder().resolve(SweepReport.RUNS));
        assertEquals(7, runRows.size());
        // A failed run keeps its score so far in runs.csv (0 here: its last reports were empty) but not in the summary.
        assertTrue(runRows.get(6).startsWith("gamma_0.9-B-seed_3,gamma_0.9,B,3,failed,4,0.0,host,1.5,exit code 1: diverged"), runRows.get(6));
        String html = Files.readString(plan.folder().resolve(SweepReport.HTML));
        assertTrue(html.contains("Runs that do not count (1)") && html.contains("exit code 1: diverged"), html);
        for (String picture : List.of("scores.png", "performance-profile.png", "learning-curves.png")) {
            assertTrue(Files.size(plan.folder().resolve(picture)) > 1000, picture);
            assertTrue(html.contains("<img src=\"" + picture + "\""), picture);
        }
    }
}
