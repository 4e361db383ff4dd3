package io.jgym.contracts.training;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * One complete checkpoint on disk: a folder of the trainer's files (networks, replay memory, random
 * state) and {@code checkpoint.json} with the episodes done, the score of a best checkpoint and the
 * run's {@link Provenance}.
 *
 * @param folder       where its files are
 * @param episodesDone episodes (or epochs) the run had finished when it was written
 * @param score        for the best checkpoint, the evaluation score that made it best
 */
public record Checkpoint(Path folder, long episodesDone, OptionalDouble score) {

    /** The trainer's file called {@code name} in this checkpoint. */
    public Path file(String name) {
        return folder.resolve(name);
    }
}
