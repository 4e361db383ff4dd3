package io.jgym.contracts.training;

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
 */
public record Target(String metric, double level, long minEpisodes) {

    /** A target that counts from the first episode. */
    public Target(String metric, double level) {
        this(metric, level, 0);
    }
}
