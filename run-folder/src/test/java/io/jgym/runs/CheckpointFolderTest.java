package io.jgym.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one checkpoint store: whole checkpoints only, the newest N kept, a best one replaced safely. */
class CheckpointFolderTest {
    private static final Provenance PROVENANCE = new Provenance("t", "default", Map.of("seed", 3), 3, "0.1.0", Optional.of("abc"));

    private static CheckpointFolder store(Path dir, int keep) {
        return new CheckpointFolder(dir, keep, PROVENANCE);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheNewestCheckpointsWithTheirProvenance(@TempDir Path dir) throws IOException {
        CheckpointFolder store = store(dir, 2);
        for (long episodes : new long[] {5, 10, 15}) {
            store.save(episodes, folder -> Files.writeString(folder.resolve("model.txt"), "after " + episodes));
        }
        assertEquals(List.of("episode-00000010", "episode-00000015"), names(dir));
        Checkpoint latest = store.latest().orElseThrow();
        assertEquals(15, latest.episodesDone());
        assertEquals("after 15", Files.readString(latest.file("model.txt")));
        Map<String, Object> provenance = CheckpointFolder.provenanceOf(latest);
        assertEquals("t", provenance.get("trainer"));
        assertEquals("abc", provenance.get("git_commit"));
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePreviousCheckpointAndIsClearedOnReopening(@TempDir Path dir) throws IOException {
        CheckpointFolder store = store(dir, 2);
        store.save(1, folder -> Files.writeString(folder.resolve("model.txt"), "one"));
        assertThrows(RuntimeException.class, () -> store.save(2, folder -> {
            Files.writeString(folder.resolve("model.txt"), "half");
            throw new IOException("disk full");
        }));
        assertEquals(1, store.latest().orElseThrow().episodesDone());
        assertTrue(names(dir).contains(".episode-00000002.partial"));
        store(dir, 2);
        assertEquals(List.of("episode-00000001"), names(dir), "reopening removes the half-written folder");
    }

    @Test
    void theBestCheckpointIsReplacedWholeAndRestoredWhenAReplacementWasCutShort(@TempDir Path dir) throws IOException {
        CheckpointFolder store = store(dir, 1);
        assertTrue(store.best().isEmpty());
        store.saveBest(4, 120.0, folder -> Files.writeString(folder.resolve("model.txt"), "first"));
        store.saveBest(9, 300.0, folder -> Files.writeString(folder.resolve("model.txt"), "second"));
        Checkpoint best = store.best().orElseThrow();
        assertEquals(9, best.episodesDone());
        assertEquals(300.0, best.score().orElseThrow());
        assertFalse(names(dir).contains(".best.old"));

        Files.move(dir.resolve("best"), dir.resolve(".best.old")); // as if killed between the two renames
        assertEquals("second", Files.readString(store(dir, 1).best().orElseThrow().file("model.txt")));
    }

    @Test
    void keepingNoCheckpointIsRefusedByFlag(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store(dir, 0));
        assertTrue(e.getMessage().contains("--keep-checkpoints must be at least 1"), e.getMessage());
    }
}
