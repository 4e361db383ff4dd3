package io.jgym.sweeps.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's score and curve read from a metrics.csv as trainers write it, sparse metrics included. */
class RunScoreTest {
    @TempDir
    Path run;

    @Test
    void scoreIsTheMeanOfTheLastReportsAndTheCurveATrailingMean() throws Exception {
        // eval/greedy_mean is reported every other episode; empty cells are episodes without a report.
        Files.writeString(run.resolve("metrics.csv"), """
                episode,total_steps,charts/episodic_return,eval/greedy_mean
                0,10,1.0,
                1,25,2.0,100.0
                2,30,3.0,
                3,50,6.0,300.0
                """);
        RunScore returns = RunScore.read(run, "charts/episodic_return", 2);
        assertEquals(4.5, returns.score().orElseThrow(), 1e-12);                  // (3 + 6) / 2
        assertArrayEquals(new double[] {10, 25, 30, 50}, returns.steps());
        assertArrayEquals(new double[] {1.0, 1.5, 2.5, 4.5}, returns.smoothed(), 1e-12);
        assertTrue(Double.isNaN(returns.at(9)), "nothing before the first report");
        assertEquals(1.5, returns.at(29), 1e-12);                                  // the last report at or before step 29
        assertEquals(4.5, returns.at(50), 1e-12);

        RunScore greedy = RunScore.read(run, "eval/greedy_mean", 1);
        assertEquals(300.0, greedy.score().orElseThrow(), 1e-12);
        assertEquals(50, greedy.lastStep(), 1e-12);
    }

    @Test
    void aRunWithoutMetricsHasNoScoreAndAnUnknownMetricIsNamed() throws Exception {
        assertTrue(RunScore.read(run, "charts/episodic_return", 10).score().isEmpty());
        Files.writeString(run.resolve("metrics.csv"), "episode,total_steps,charts/episodic_return\n0,5,1.0\n");
        String message = assertThrows(IllegalArgumentException.class, () -> RunScore.read(run, "eval/greedy_mean", 1)).getMessage();
        assertTrue(message.contains("'eval/greedy_mean'") && message.contains("[charts/episodic_return]"), message);
    }
}
