package io.jgym.contracts.training;

import java.util.List;

/**
 * Observes a run: progress output, metrics files, plots and dashboards are all listeners, so
 * trainers never print or write reports themselves. The runner calls {@link #onStart} and
 * {@link #onEnd}; trainers report episodes through {@link TrainingContext#report}. Every callback
 * has a no-op default.
 */
public interface TrainingListener {

    /** Called once before the first episode, with the metrics the trainer declared. */
    default void onStart(String runName, List<Metric> metrics) {
    }

    /** Called after every episode (or epoch) with what it measured. */
    default void onEpisode(EpisodeReport report) {
    }

    /** Called once after the last episode, also when training stops early, is cancelled or fails. */
    default void onEnd() {
    }

    /** One listener that forwards every callback to {@code listeners}, in order. */
    static TrainingListener of(List<? extends TrainingListener> listeners) {
        List<TrainingListener> all = List.copyOf(listeners);
        return new TrainingListener() {
            @Override
            public void onStart(String runName, List<Metric> metrics) {
                all.forEach(l -> l.onStart(runName, metrics));
            }

            @Override
            public void onEpisode(EpisodeReport report) {
                all.forEach(l -> l.onEpisode(report));
            }

            @Override
            public void onEnd() {
                all.forEach(TrainingListener::onEnd);
            }
        };
    }

    /** One listener that forwards every callback to {@code listeners}, in order. */
    static TrainingListener of(TrainingListener... listeners) {
        return of(List.of(listeners));
    }
}
