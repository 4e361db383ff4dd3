package io.jgym.generative.checkpoints;

import io.jgym.contracts.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.autodiff.samediff.SameDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's {@code checkpoints/} folder as the generative trainers keep it: one sub-folder
 * {@code epoch-NNNN} (NNNN = epochs done) per checkpoint, holding the networks with their optimiser
 * state in DL4J's format ({@code .zip}) or a SameDiff graph ({@code .sd}). Each is written into a
 * hidden temporary folder and renamed into place once complete, so an interrupted run always keeps
 * a whole checkpoint to resume from; the two newest are kept.
 */
public final class EpochCheckpoints {
    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)");
    private static final Pattern PARTIAL = Pattern.compile("\\.epoch-\\d+\\.partial");
    private static final int KEEP = 2;
    private static final Logger LOG = LoggerFactory.getLogger(EpochCheckpoints.class);

    /** A checkpoint on disk and how many epochs it holds. */
    public record Saved(Path folder, int epochsDone) {
        /** Loads the network saved as {@code name}, with its optimiser state. */
        public MultiLayerNetwork network(String name) {
            try {
                return ModelSerializer.restoreMultiLayerNetwork(folder.resolve(name).toFile(), true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the checkpoint " + folder.resolve(name), e);
            }
        }

        /** Loads the SameDiff graph saved as {@code name}, with its optimiser state. */
        public SameDiff graph(String name) {
            try (InputStream in = Files.newInputStream(folder.resolve(name))) {
                return SameDiff.load(in, true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the checkpoint " + folder.resolve(name), e);
            }
        }
    }

    /** What one checkpoint holds, added part by part while it is written. */
    public static final class Parts {
        private final Path folder;

        private Parts(Path folder) {
            this.folder = folder;
        }

        /** Adds a network with its optimiser state as {@code name}. */
        public Parts network(String name, MultiLayerNetwork network) {
            AtomicFiles.write(folder.resolve(name), out -> ModelSerializer.writeModel(network, out, true));
            return this;
        }

        /** Adds a SameDiff graph with its optimiser state as {@code name}. */
        public Parts graph(String name, SameDiff graph) {
            // SameDiff closes the stream it writes to; AtomicFiles still has to sync the file after it.
            AtomicFiles.write(folder.resolve(name), out -> graph.save(new BufferedOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            }, true));
            return this;
        }
    }

    private final Path folder;

    public EpochCheckpoints(Path folder) {
        this.folder = folder;
    }

    /** The checkpoints of the run in {@code runFolder} (its {@code checkpoints/} folder); none without a run folder. */
    public static Optional<EpochCheckpoints> ofRun(Optional<Path> runFolder) {
        return runFolder.map(dir -> new EpochCheckpoints(dir.resolve("checkpoints")));
    }

    /**
     * The checkpoint with the most epochs, if any: where a resumed run continues (it says so in the
     * log). Half-written checkpoints a killed run left behind are removed.
     */
    public Optional<Saved> toResume() {
        removePartial();
        Optional<Saved> latest = all().stream().max(Comparator.comparingInt(Saved::epochsDone));
        latest.ifPresent(saved -> LOG.info("resuming after epoch {} from {}", saved.epochsDone(), saved.folder()));
        return latest;
    }

    /**
     * Writes the checkpoint after {@code epochsDone} epochs and removes all but the newest. Neither
     * its folder nor a half-written one is there yet: a run saves only epochs after the one it
     * resumed from, and {@link #toResume} has cleared half-written folders.
     */
    public void save(int epochsDone, Consumer<Parts> contents) {
        String name = String.format("epoch-%04d", epochsDone);
        Path partial = folder.resolve("." + name + ".partial"); // matches PARTIAL
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(partial);
            contents.accept(new Parts(partial));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            for (Saved old : all().stream().sorted(Comparator.comparingInt(Saved::epochsDone).reversed()).skip(KEEP).toList()) {
                deleteTree(old.folder());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + target, e);
        }
    }

    private List<Saved> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).map(dir -> {
                Matcher m = NAME.matcher(dir.getFileName().toString());
                return m.matches() ? new Saved(dir, Integer.parseInt(m.group(1))) : null;
            }).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }

    private void removePartial() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path partial : entries.filter(p -> PARTIAL.matcher(p.getFileName().toString()).matches()).toList()) {
                deleteTree(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove a half-written checkpoint in " + folder, e);
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
