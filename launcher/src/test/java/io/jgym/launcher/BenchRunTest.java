package io.jgym.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Target;
import org.junit.jupiter.api.Test;

/**
 * Where {@code bench} says a seed reached a target: the first row at the level in the metric's
 * direction, skipping missing values, and for a moving average only once its window is full, so a
 * lucky first episode of FrozenLake does not "reach" a 100-episode success rate of 0.7.
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
}
