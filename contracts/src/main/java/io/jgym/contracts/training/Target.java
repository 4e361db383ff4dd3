package io.jgym.contracts.training;

/**
 * A level of a declared metric that counts as success (a greedy mean return of 475 on CartPole-v1,
 * both modes of the sine waves covered). Benchmarks report, per seed, the first episode and step
 * count at which the metric reached it, in the direction its {@link Metric.Goal} says is better.
 *
 * @param metric the metric's name
 * @param level  the value to reach
 */
public record Target(String metric, double level) {
}
