package io.jgym.agents.dqn;

import io.jgym.contracts.files.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a DQN run needs to continue exactly where it stopped, saved at an episode boundary:
 * the online network with its optimiser state in DL4J's own model format ({@code model.zip}, which
 * {@code eval} and any DL4J program can load), and {@code trainer-state.bin} with the target
 * network, the replay memory, the random generator and the counters.
 *
 * <p>A checkpoint is written into a hidden temporary folder and renamed to
 * {@code episode-NNNNNNN} only when complete, so a crash leaves the previous checkpoint intact.
 * The two newest are kept.
 */
public record DqnCheckpoint(MultiLayerNetwork online, float[] targetParameters, ReplayBuffer buffer,
                            long randomState, long nextEpisode, long totalSteps, ArrayDeque<Double> recentReturns) {
    public static final String MODEL_FILE = "model.zip";
    private static final String STATE_FILE = "trainer-state.bin";
    private static final String PREFIX = "episode-";
    private static final int FORMAT = 1;
    private static final int KEEP = 2;

    /** Writes this checkpoint under {@code directory} and returns its folder. */
    public Path save(Path directory) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempDirectory(directory, ".tmp-" + PREFIX);
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            AtomicFiles.write(temp.resolve(MODEL_FILE), out -> ModelSerializer.writeModel(online, out, true));
            AtomicFiles.write(temp.resolve(STATE_FILE), out -> writeState(new DataOutputStream(new BufferedOutputStream(out))));
            Path target = directory.resolve(String.format("%s%07d", PREFIX, nextEpisode));
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            pruneOlder(directory);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a checkpoint under " + directory, e);
        }
    }

    private void writeState(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(nextEpisode);
        out.writeLong(totalSteps);
        out.writeLong(randomState);
        out.writeInt(recentReturns.size());
        for (double value : recentReturns) {
            out.writeDouble(value);
        }
        out.writeInt(targetParameters.length);
        for (float value : targetParameters) {
            out.writeFloat(value);
        }
        buffer.writeTo(out);
        out.flush();
    }

    /** The newest complete checkpoint folder under {@code directory}, if any. */
    public static Optional<Path> latest(Path directory) {
        return folders(directory).stream().max(Comparator.naturalOrder());
    }

    /** Reads the checkpoint in {@code folder}. */
    public static DqnCheckpoint load(Path folder) {
        try (InputStream raw = Files.newInputStream(folder.resolve(STATE_FILE));
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException(folder + " has checkpoint format " + format + "; this jgym reads " + FORMAT);
            }
            long nextEpisode = in.readLong();
            long totalSteps = in.readLong();
            long randomState = in.readLong();
            ArrayDeque<Double> returns = new ArrayDeque<>();
            for (int i = in.readInt(); i > 0; i--) {
                returns.add(in.readDouble());
            }
            float[] target = new float[in.readInt()];
            for (int i = 0; i < target.length; i++) {
                target[i] = in.readFloat();
            }
            ReplayBuffer buffer = ReplayBuffer.readFrom(in);
            MultiLayerNetwork online = loadModel(folder.resolve(MODEL_FILE));
            return new DqnCheckpoint(online, target, buffer, randomState, nextEpisode, totalSteps, returns);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint in " + folder, e);
        }
    }

    /** Loads a Q-network saved as {@code model.zip}, with its optimiser state. */
    public static MultiLayerNetwork loadModel(Path modelFile) {
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("no model at " + modelFile);
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(modelFile.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the model " + modelFile, e);
        }
    }

    /** Copies the saved target parameters into {@code target}. */
    public void restoreTarget(MultiLayerNetwork target) {
        target.params().assign(Nd4j.createFromArray(targetParameters));
    }

    private static List<Path> folders(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(MODEL_FILE)) && Files.isRegularFile(p.resolve(STATE_FILE)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list checkpoints in " + directory, e);
        }
    }

    private static void pruneOlder(Path directory) throws IOException {
        List<Path> all = folders(directory);
        for (int i = 0; i < all.size() - KEEP; i++) {
            deleteTree(all.get(i));
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
