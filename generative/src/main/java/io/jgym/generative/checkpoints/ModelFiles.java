package io.jgym.generative.checkpoints;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.Checkpoint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Writes a generative trainer's files into the folder a {@link io.jgym.contracts.training.CheckpointStore}
 * hands it, and reads them back from a {@link Checkpoint}: networks with their optimiser state (so a
 * resumed run trains on exactly as an uninterrupted one), SameDiff graphs, and small key-value files.
 * The store makes the whole checkpoint appear at once; these only write the files.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Writes {@code network} with its optimiser state as {@code folder/name}. */
    public static void writeNetwork(Path folder, String name, MultiLayerNetwork network) {
        AtomicFiles.write(folder.resolve(name), out -> ModelSerializer.writeModel(network, out, true));
    }

    /** The network saved as {@code name}, with its optimiser state. */
    public static MultiLayerNetwork readNetwork(Checkpoint checkpoint, String name) {
        Path file = existing(checkpoint, name);
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint file " + file, e);
        }
    }

    /** Writes {@code graph} with its optimiser state as {@code folder/name}. */
    public static void writeGraph(Path folder, String name, SameDiff graph) {
        // SameDiff closes the stream it writes to; AtomicFiles still has to sync the file after it.
        AtomicFiles.write(folder.resolve(name), out -> graph.save(new BufferedOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, true));
    }

    /** The SameDiff graph saved as {@code name}, with its optimiser state. */
    public static SameDiff readGraph(Checkpoint checkpoint, String name) {
        Path file = existing(checkpoint, name);
        try (InputStream in = Files.newInputStream(file)) {
            return SameDiff.load(in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint file " + file, e);
        }
    }

    /** Writes {@code values} as a properties file {@code folder/name}. */
    public static void writeValues(Path folder, String name, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(folder.resolve(name), text.toString());
    }

    /** The values of the properties file {@code name}. */
    public static Map<String, String> readValues(Checkpoint checkpoint, String name) {
        Path file = existing(checkpoint, name);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint file " + file, e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    private static Path existing(Checkpoint checkpoint, String name) {
        Path file = checkpoint.file(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the checkpoint " + checkpoint.folder() + " holds no " + name
                    + "; was it written by another trainer?");
        }
        return file;
    }
}
