package io.jgym.contracts.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a trainer saves and finds its checkpoints: the same store for every trainer. Each save is
 * complete or absent (written aside and renamed into place); a run resumes from {@link #latest()},
 * {@code eval}, {@code play} and {@code sample} use {@link #best()} when the trainer keeps one.
 * {@link #none()} keeps nothing, for benchmarks and tests that only want the reports.
 */
public interface CheckpointStore {

    /** Writes a trainer's files into a fresh folder. */
    @FunctionalInterface
    interface Contents {
        void writeTo(Path folder) throws IOException;
    }

    /** The checkpoint with the most episodes done, if any. */
    Optional<Checkpoint> latest();

    /** The best checkpoint saved with {@link #saveBest}, if any. */
    Optional<Checkpoint> best();

    /** Saves the state after {@code episodesDone} episodes; older checkpoints beyond the store's limit are removed. */
    void save(long episodesDone, Contents contents);

    /** Saves a model that scored {@code score} after {@code episodesDone} episodes as the best, replacing the previous best. */
    void saveBest(long episodesDone, double score, Contents contents);

    /** A store that keeps nothing and holds nothing. */
    static CheckpointStore none() {
        return new CheckpointStore() {
            @Override
            public Optional<Checkpoint> latest() {
                return Optional.empty();
            }

            @Override
            public Optional<Checkpoint> best() {
                return Optional.empty();
            }

            @Override
            public void save(long episodesDone, Contents contents) {
            }

            @Override
            public void saveBest(long episodesDone, double score, Contents contents) {
            }
        };
    }
}
