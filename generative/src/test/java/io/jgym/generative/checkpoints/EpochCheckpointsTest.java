package io.jgym.generative.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochCheckpointsTest {

    @Test
    void aFreshRunHasNothingToResume(@TempDir Path dir) {
        assertEquals(Optional.empty(), new EpochCheckpoints(dir.resolve("checkpoints")).toResume());
    }

    @Test
    void theNewestOfTheTwoKeptCheckpointsIsResumedAndHalfWrittenOnesAreIgnoredAndRemoved(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("checkpoints");
        EpochCheckpoints checkpoints = new EpochCheckpoints(folder);
        for (int epoch = 1; epoch <= 3; epoch++) {
            checkpoints.save(epoch, parts -> { });
        }
        assertFalse(Files.exists(folder.resolve("epoch-0001")), "only the two newest are kept");
        Path partial = Files.createDirectories(folder.resolve(".epoch-0004.partial"));
        Files.writeString(partial.resolve("generator.zip"), "cut off by a kill");

        EpochCheckpoints.Saved saved = checkpoints.toResume().orElseThrow();
        assertEquals(3, saved.epochsDone());
        assertEquals(folder.resolve("epoch-0003"), saved.folder());
        assertFalse(Files.exists(partial), "the half-written checkpoint is gone");
        assertTrue(Files.isDirectory(folder.resolve("epoch-0002")));
    }
}
