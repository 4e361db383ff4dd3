package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Target;
import io.jgym.runs.MetricsTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where {@code bench} says a seed reached a target: the first row at the level in the metric's
 * direction, skipping missing values, and for a moving average only once its window is full, so a
 * lucky first episode of FrozenLake does not "reach" a 100-episode success rate of 0.7; and at which
 * step: a greedy check's own step, not the end of the episode that reported it.
 */
class BenchRunTest {
    private static final double[] EPISODES = {0, 1, 2, 3, 4};

    @Test
    void aMovingAverageCountsOnlyFromTheEpisodeThatFillsItsWindow() {
        double[] successRate = {1.0, 0.5, 0.33, 0.75, 0.8};
        assertEquals(0, BenchRun.firstReaching(new Target("mean", 0.7), Metric.Goal.HIGHER, successRate, EPISODES));
        assertEquals(3, BenchRun.firstReaching(new Target("mean", 0.7, 3), Metric.Goal.HIGHER, successRate, EPISODES),
                "episodes 0-1 average fewer than 3 episodes; episode 2 fills the window at 0.33, episode 3 reaches 0.75");
        assertEquals(-1, BenchRun.firstReaching(new Target("mean", 0.9, 3), Metric.Goal.HIGHER, successRate, EPISODES));
    }

    @Test
    void aLowerIsBetterTargetIsReachedFromAboveAndMissingValuesAreSkipped() {
        double[] distance = {Double.NaN, 0.4, Double.NaN, 0.1, 0.05};
        assertEquals(3, BenchRun.firstReaching(new Target("fd", 0.2), Metric.Goal.LOWER, distance, EPISODES));
        assertEquals(-1, BenchRun.firstReaching(new Target("fd", 0.01), Metric.Goal.LOWER, distance, EPISODES));
    }

    @Test
    void theStepIsTheOneTheTargetsStepMetricRecordsElseTheRowsTotalSteps() {
        MetricsTable table = new MetricsTable(List.of("episode", "total_steps", "greedy", "checked_at"), List.of(
                new double[] {0, 2_310, Double.NaN, Double.NaN},
                new double[] {1, 2_540, 120, 2_500},
                new double[] {2, 5_058, 480, 5_000}));
        double[] totalSteps = table.column("total_steps");
        assertEquals(5_000, BenchRun.stepOf(new Target("greedy", 475).measuredAt("checked_at"), table, totalSteps, 2),
                "the check made at step 5,000, reported by the episode ending at 5,058");
        assertEquals(5_058, BenchRun.stepOf(new Target("greedy", 475), table, totalSteps, 2));
        assertEquals(2_310, BenchRun.stepOf(new Target("greedy", 475).measuredAt("checked_at"), table, totalSteps, 0),
                "a row without a step of its own falls back to its total steps");
        assertEquals(5_058, BenchRun.stepOf(new Target("greedy", 475).measuredAt("absent"), table, totalSteps, 2));
    }
}
