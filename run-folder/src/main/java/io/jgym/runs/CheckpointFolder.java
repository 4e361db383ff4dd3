package io.jgym.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import io.jgym.contracts.training.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@link CheckpointStore} of a run folder, {@code runs/<name>/checkpoints/}: one sub-folder
 * {@code episode-NNNNNNNN} per checkpoint (NNNNNNNN = episodes done) and {@code best/}, each with
 * the trainer's files and {@code checkpoint.json}. A checkpoint is written into a hidden
 * {@code .NAME.partial} folder and renamed into place when complete, so a crash at any moment
 * leaves the previous checkpoints whole; opening the store removes half-written folders. The newest
 * {@code keep} checkpoints are kept.
 */
public final class CheckpointFolder implements CheckpointStore {
    /** The metadata file in every checkpoint. */
    public static final String METADATA = "checkpoint.json";
    private static final String BEST = "best";
    private static final Pattern NAME = Pattern.compile("episode-(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final int keep;
    private final Provenance provenance;

    /**
     * Opens the store in {@code folder} and removes what an interrupted save left behind.
     *
     * @param keep       how many of the newest checkpoints to keep (the best one comes on top)
     * @param provenance saved in every checkpoint's {@code checkpoint.json}
     */
    public CheckpointFolder(Path folder, int keep, Provenance provenance) {
        if (keep < 1) {
            throw new IllegalArgumentException("--keep-checkpoints must be at least 1, got " + keep);
        }
        this.folder = folder;
        this.keep = keep;
        this.provenance = provenance;
        removeHalfWritten();
    }

    /** Reads the newest (or the best) checkpoint under {@code folder} without changing anything: for eval, play and sample. */
    public static Optional<Checkpoint> find(Path folder, boolean best) {
        if (best) {
            return at(folder.resolve(BEST));
        }
        return all(folder).stream().max(Comparator.comparingLong(Checkpoint::episodesDone));
    }

    @Override
    public Optional<Checkpoint> latest() {
        return find(folder, false);
    }

    @Override
    public Optional<Checkpoint> best() {
        return find(folder, true);
    }

    @Override
    public void save(long episodesDone, Contents contents) {
        String name = String.format("episode-%08d", episodesDone);
        Path target = folder.resolve(name);
        try {
            Path partial = write(name, episodesDone, OptionalDouble.empty(), contents);
            if (Files.exists(target)) {
                deleteTree(target); // a run resumed from an older checkpoint re-saves the same episode
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            List<Checkpoint> newestFirst = all(folder).stream()
                    .sorted(Comparator.comparingLong(Checkpoint::episodesDone).reversed()).toList();
            for (Checkpoint old : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
                deleteTree(old.folder());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + target, e);
        }
    }

    @Override
    public void saveBest(long episodesDone, double score, Contents contents) {
        Path target = folder.resolve(BEST);
        Path previous = folder.resolve("." + BEST + ".old");
        try {
            Path partial = write(BEST, episodesDone, OptionalDouble.of(score), contents);
            if (Files.exists(target)) {
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the best checkpoint " + target, e);
        }
    }

    private Path write(String name, long episodesDone, OptionalDouble score, Contents contents) throws IOException {
        Path partial = folder.resolve("." + name + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        contents.writeTo(partial);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("episodes_done", episodesDone);
        score.ifPresent(value -> metadata.put("score", value));
        metadata.put("provenance", provenance.toMap());
        AtomicFiles.writeString(partial.resolve(METADATA), JSON.writeValueAsString(metadata) + "\n");
        return partial;
    }

    private static List<Checkpoint> all(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(dir -> NAME.matcher(dir.getFileName().toString()).matches())
                    .map(CheckpointFolder::at).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the checkpoints in " + folder, e);
        }
    }

    /** The provenance saved in {@code checkpoint}: trainer, preset, config, seed, versions. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> provenanceOf(Checkpoint checkpoint) {
        Path metadata = checkpoint.file(METADATA);
        try {
            return (Map<String, Object>) JSON.readValue(metadata.toFile(), Map.class).get("provenance");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + metadata, e);
        }
    }

    /** The checkpoint in {@code dir}, if it holds a complete one. */
    public static Optional<Checkpoint> at(Path dir) {
        Path metadata = dir.resolve(METADATA);
        if (!Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(metadata.toFile());
            OptionalDouble score = node.has("score") ? OptionalDouble.of(node.get("score").asDouble()) : OptionalDouble.empty();
            return Optional.of(new Checkpoint(dir, node.get("episodes_done").asLong(), score));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + metadata, e);
        }
    }

    /** Removes half-written checkpoints; puts back a best checkpoint whose replacement was cut short. */
    private void removeHalfWritten() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".partial")) {
                    deleteTree(entry);
                }
            }
            Path previous = folder.resolve("." + BEST + ".old");
            if (Files.exists(previous)) {
                if (Files.exists(folder.resolve(BEST))) {
                    deleteTree(previous);
                } else {
                    Files.move(previous, folder.resolve(BEST), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear half-written checkpoints in " + folder, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
