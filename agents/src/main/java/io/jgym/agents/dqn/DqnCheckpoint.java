package io.jgym.agents.dqn;

import io.jgym.contracts.Env;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a DQN run needs to continue exactly where it stopped, saved at an episode boundary
 * through the run's {@link CheckpointStore}: the online network with its optimiser state in DL4J's
 * own model format ({@code model.zip}, which {@code eval}, {@code play} and any DL4J program can
 * load), and {@code trainer-state.bin} with the target network, the replay memory, the random
 * generator, the counters, the recent returns, the exploration horizon the run started with and
 * the best greedy mean so far. The store writes the folder aside and renames it when complete.
 *
 * @param scheduleHorizon the {@code --max-steps} the run started with: a linear exploration
 *                        schedule keeps it when the run is extended
 * @param bestGreedyMean  the best mean return of a greedy check so far ({@code -Infinity}: none yet)
 */
public record DqnCheckpoint(MultiLayerNetwork online, float[] targetParameters, ReplayBuffer buffer,
                            long randomState, long nextEpisode, long totalSteps, ArrayDeque<Double> recentReturns,
                            long scheduleHorizon, double bestGreedyMean) {
    /** The Q-network in DL4J's format, in every checkpoint and in the best one. */
    public static final String MODEL_FILE = "model.zip";
    private static final String STATE_FILE = "trainer-state.bin";
    private static final int FORMAT = 2;

    /** Writes {@code model.zip} and {@code trainer-state.bin} into {@code folder}: the store's {@link CheckpointStore.Contents}. */
    public void writeTo(Path folder) throws IOException {
        writeModel(online, folder);
        try (OutputStream raw = Files.newOutputStream(folder.resolve(STATE_FILE));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            writeState(out);
        }
    }

    /** Writes {@code network} with its optimiser state as {@code model.zip} into {@code folder}. */
    public static void writeModel(MultiLayerNetwork network, Path folder) throws IOException {
        ModelSerializer.writeModel(network, folder.resolve(MODEL_FILE).toFile(), true);
    }

    private void writeState(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(nextEpisode);
        out.writeLong(totalSteps);
        out.writeLong(randomState);
        out.writeLong(scheduleHorizon);
        out.writeDouble(bestGreedyMean);
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

    /** Reads the DQN state saved in {@code checkpoint}. */
    public static DqnCheckpoint load(Checkpoint checkpoint) {
        Path folder = checkpoint.folder();
        try (InputStream raw = Files.newInputStream(checkpoint.file(STATE_FILE));
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException(folder + " has DQN checkpoint format " + format + "; this jgym reads " + FORMAT);
            }
            long nextEpisode = in.readLong();
            long totalSteps = in.readLong();
            long randomState = in.readLong();
            long horizon = in.readLong();
            double bestGreedy = in.readDouble();
            ArrayDeque<Double> returns = new ArrayDeque<>();
            for (int i = in.readInt(); i > 0; i--) {
                returns.add(in.readDouble());
            }
            float[] target = new float[in.readInt()];
            for (int i = 0; i < target.length; i++) {
                target[i] = in.readFloat();
            }
            ReplayBuffer buffer = ReplayBuffer.readFrom(in);
            MultiLayerNetwork online = loadModel(checkpoint.file(MODEL_FILE));
            return new DqnCheckpoint(online, target, buffer, randomState, nextEpisode, totalSteps, returns, horizon, bestGreedy);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the DQN checkpoint in " + folder, e);
        }
    }

    /** The greedy policy of the Q-network in {@code checkpoint}, checked against the spaces of {@code env}. */
    public static GreedyPolicy greedyPolicy(Checkpoint checkpoint, Env env) {
        return GreedyPolicy.of(loadModel(checkpoint.file(MODEL_FILE)), env.observationSpace(), env.actionSpace());
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
}
