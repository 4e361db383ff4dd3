package io.jgym.generative.vae;

import io.jgym.contracts.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The VAE's checkpoints in a run's {@code checkpoints/} folder: after each epoch the whole SameDiff
 * graph with its weights and Adam state goes to {@code epoch-NNNN.sd} (NNNN = epochs done), written
 * to a temporary file and renamed, so an interrupted run always keeps a complete checkpoint. The
 * two newest are kept. SameDiff's own format: {@code SameDiff.load(file, true)} opens one.
 */
public final class VaeCheckpoints {
    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)\\.sd");
    private static final int KEEP = 2;

    /** A checkpoint on disk and how many epochs it holds. */
    public record Saved(Path file, int epochsDone) {
        /** Loads the graph with its optimiser state. */
        public SameDiff load() {
            try (InputStream in = Files.newInputStream(file)) {
                return SameDiff.load(in, true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the checkpoint " + file, e);
            }
        }
    }

    private final Path folder;

    public VaeCheckpoints(Path folder) {
        this.folder = folder;
    }

    /** The checkpoint with the most epochs, if any. */
    public Optional<Saved> latest() {
        return all().stream().max(Comparator.comparingInt(Saved::epochsDone));
    }

    /** Writes the graph after {@code epochsDone} epochs and removes all but the newest checkpoints. */
    public void save(SameDiff graph, int epochsDone) {
        // SameDiff closes the stream it writes to; AtomicFiles still has to sync the file after it.
        AtomicFiles.write(folder.resolve(String.format("epoch-%04d.sd", epochsDone)), out -> graph.save(new BufferedOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, true));
        List<Saved> old = all().stream().sorted(Comparator.comparingInt(Saved::epochsDone).reversed()).skip(KEEP).toList();
        for (Saved saved : old) {
            try {
                Files.deleteIfExists(saved.file());
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the old checkpoint " + saved.file(), e);
            }
        }
    }

    private List<Saved> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> {
                Matcher m = NAME.matcher(file.getFileName().toString());
                return m.matches() ? new Saved(file, Integer.parseInt(m.group(1))) : null;
            }).filter(s -> s != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }
}
