package io.jgym.contracts.training;

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
}
