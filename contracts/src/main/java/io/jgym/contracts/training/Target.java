package io.jgym.contracts.training;

import java.util.Objects;
import java.util.Optional;

/**
 * A level of a declared metric that counts as success (a greedy mean return of 475 on CartPole-v1,
 * both modes of the sine waves covered). Benchmarks report, per seed, the first episode and step
 * count at which the metric reached it, in the direction its {@link Metric.Goal} says is better,
 * counting only from the episode that brings the run's reported episodes to {@code minEpisodes}: a
 * mean over the last 100 episodes means what it says only from the 100th (before, it averages fewer,
 * and one lucky first episode would "reach" it).
 *
 * @param metric      the metric's name
 * @param level       the value to reach
 * @param minEpisodes the episodes a run must have reported, the one in question included, before a value counts (0 or 1: from the first)
 * @param stepMetric  a metric holding the step count at which the value was measured, when that is not the
 *                    end of the episode reporting it (a DQN's greedy check runs at an exact step, inside an episode);
 *                    empty: the row's total steps
 */
public record Target(String metric, double level, long minEpisodes, Optional<String> stepMetric) {

    public Target {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(stepMetric, "stepMetric");
    }

    /** A target that counts from the first episode. */
    public Target(String metric, double level) {
        this(metric, level, 0);
    }

    /** A target that counts from episode {@code minEpisodes}, at the step its episode ends. */
    public Target(String metric, double level, long minEpisodes) {
        this(metric, level, minEpisodes, Optional.empty());
    }

    /** This target, with the step at which it was reached read from {@code stepMetric}. */
    public Target measuredAt(String stepMetric) {
        return new Target(metric, level, minEpisodes, Optional.of(stepMetric));
    }
}
