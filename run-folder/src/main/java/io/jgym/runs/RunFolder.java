package io.jgym.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jgym.contracts.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run's folder, {@code runs/<name>/}: {@code config.json} (what was trained, on what, with
 * which settings), {@code metrics.csv}, {@code learning-curve.png}, {@code report.html} and a
 * {@code checkpoints/} folder. A new run refuses a folder that already holds one, so results are
 * never overwritten; {@code --resume} reopens it instead.
 */
public final class RunFolder {
    public static final String CONFIG_FILE = "config.json";
    public static final String CHECKPOINTS = "checkpoints";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    private RunFolder(Path root) {
        this.root = root;
    }

    /**
     * Creates the folder of a new run and writes its {@code config.json}.
     *
     * @param record what {@code config.json} holds: trainer, environment, config, versions
     * @throws IllegalStateException if the folder already holds a run
     */
    public static RunFolder create(Path root, Map<String, Object> record) {
        if (Files.exists(root.resolve(CONFIG_FILE))) {
            throw new IllegalStateException(root + " already holds a run; pass --resume to continue it or choose another --name");
        }
        try {
            Files.createDirectories(root);
            AtomicFiles.writeString(root.resolve(CONFIG_FILE), JSON.writeValueAsString(record) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the run folder " + root, e);
        }
        return new RunFolder(root);
    }

    /**
     * The folder of the run called {@code name} under {@code runsDir}.
     *
     * @throws IllegalArgumentException if the name would leave {@code runsDir} or hide the folder
     */
    public static Path resolve(Path runsDir, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("--name must be a plain folder name (letters, digits, '.', '_', '-', not starting"
                    + " with '.' or '-'), got '" + name + "'; runs stay inside --runs-dir");
        }
        return runsDir.resolve(name);
    }

    /** Replaces {@code config.json} (a resumed run that extends its budget records the change). */
    public void rewriteRecord(Map<String, Object> record) {
        try {
            AtomicFiles.writeString(root.resolve(CONFIG_FILE), JSON.writeValueAsString(record) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + root.resolve(CONFIG_FILE), e);
        }
    }

    /** Opens an existing run, to resume or evaluate it. */
    public static RunFolder open(Path root) {
        if (!Files.isRegularFile(root.resolve(CONFIG_FILE))) {
            throw new IllegalArgumentException("no run at " + root + " (no " + CONFIG_FILE + " there)");
        }
        return new RunFolder(root);
    }

    /** The {@code config.json} of this run as a tree of maps, lists and scalars. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> record() {
        try {
            return JSON.readValue(root.resolve(CONFIG_FILE).toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + root.resolve(CONFIG_FILE), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path checkpoints() {
        return root.resolve(CHECKPOINTS);
    }

    public Path metricsCsv() {
        return root.resolve("metrics.csv");
    }

    public Path learningCurve() {
        return root.resolve("learning-curve.png");
    }

    public Path report() {
        return root.resolve("report.html");
    }
}
