package io.jgym.generative.gan;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import io.jgym.generative.checkpoints.ModelFiles;
import java.nio.file.Files;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A GAN's part of a checkpoint: both networks with their optimiser state, as {@code generator.zip}
 * and {@code discriminator.zip}, and the generator's moving average as {@code generator-average.zip}
 * when the run keeps one. A resumed GAN reads them all; a sampler needs only the network it samples,
 * the average where there is one.
 */
public final class GanCheckpoints {
    public static final String GENERATOR = "generator.zip";
    public static final String DISCRIMINATOR = "discriminator.zip";
    public static final String AVERAGE = "generator-average.zip";

    private GanCheckpoints() {
    }

    /** Writes both networks into a checkpoint folder. */
    public static CheckpointStore.Contents both(MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        return folder -> {
            ModelFiles.writeNetwork(folder, GENERATOR, generator);
            ModelFiles.writeNetwork(folder, DISCRIMINATOR, discriminator);
        };
    }

    /** Writes both networks and, when the run keeps one, the generator's average. */
    public static CheckpointStore.Contents all(MultiLayerNetwork generator, MultiLayerNetwork discriminator, GeneratorAverage average) {
        return folder -> {
            both(generator, discriminator).writeTo(folder);
            if (average.averaging()) {
                ModelFiles.writeNetwork(folder, AVERAGE, average.network());
            }
        };
    }

    /** The saved average of {@code generator}, or a copy of it where the checkpoint has none (an older run's). */
    public static MultiLayerNetwork average(Checkpoint checkpoint, MultiLayerNetwork generator) {
        return savedAverage(checkpoint).orElseGet(generator::clone);
    }

    /** The network to sample from: the generator's average where the checkpoint has one, else the generator. */
    public static MultiLayerNetwork sampled(Checkpoint checkpoint) {
        return savedAverage(checkpoint).orElseGet(() -> generator(checkpoint));
    }

    private static Optional<MultiLayerNetwork> savedAverage(Checkpoint checkpoint) {
        return Files.isRegularFile(checkpoint.file(AVERAGE)) ? Optional.of(ModelFiles.readNetwork(checkpoint, AVERAGE)) : Optional.empty();
    }

    public static MultiLayerNetwork generator(Checkpoint checkpoint) {
        return ModelFiles.readNetwork(checkpoint, GENERATOR);
    }

    public static MultiLayerNetwork discriminator(Checkpoint checkpoint) {
        return ModelFiles.readNetwork(checkpoint, DISCRIMINATOR);
    }
}
