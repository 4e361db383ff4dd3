package io.jgym.contracts.training;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one episode of training reports, whatever is being trained: an RL episode (return, length,
 * epsilon, TD loss) or a generative-model epoch (generator and discriminator losses, a quality
 * score). One row of {@code metrics.csv}; metric names follow CleanRL's ({@code charts/episodic_return},
 * {@code losses/td_loss}, ...).
 *
 * @param episode    0-based episode (or epoch) index
 * @param totalSteps environment steps (or minibatches) consumed so far, all episodes included
 * @param metrics    metric name to value, kept sorted so every report lists them in one order
 */
public record EpisodeReport(long episode, long totalSteps, SortedMap<String, Double> metrics) {
    public EpisodeReport {
        metrics = new TreeMap<>(metrics);
    }

    /** A report from an unsorted map. */
    public static EpisodeReport of(long episode, long totalSteps, Map<String, Double> metrics) {
        return new EpisodeReport(episode, totalSteps, new TreeMap<>(metrics));
    }
}
