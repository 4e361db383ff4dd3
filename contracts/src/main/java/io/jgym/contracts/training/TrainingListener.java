package io.jgym.contracts.training;

import java.util.List;

/**
 * Observes a {@link Trainer}: progress output, metrics files, plots and dashboards are all
 * listeners, so trainers never print or write files themselves. Every callback has a no-op default.
 */
public interface TrainingListener {

    /** Called once before the first episode. */
    default void onStart(String runName) {
    }

    /** Called after every episode (or epoch) with what it measured. */
    default void onEpisode(EpisodeReport report) {
    }

    /** Called once after the last episode, also when training stops early. */
    default void onEnd() {
    }

    /** One listener that forwards every callback to {@code listeners}, in order. */
    static TrainingListener of(TrainingListener... listeners) {
        List<TrainingListener> all = List.of(listeners);
        return new TrainingListener() {
            @Override
            public void onStart(String runName) {
                all.forEach(l -> l.onStart(runName));
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
}
