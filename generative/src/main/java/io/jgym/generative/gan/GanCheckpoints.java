package io.jgym.generative.gan;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import io.jgym.generative.checkpoints.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A GAN's part of a checkpoint: both networks with their optimiser state, as {@code generator.zip}
 * and {@code discriminator.zip}. A resumed GAN reads both; a sampler needs only the generator.
 */
public final class GanCheckpoints {
    public static final String GENERATOR = "generator.zip";
    public static final String DISCRIMINATOR = "discriminator.zip";

    private GanCheckpoints() {
    }

    /** Writes both networks into a checkpoint folder. */
    public static CheckpointStore.Contents both(MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        return folder -> {
            ModelFiles.writeNetwork(folder, GENERATOR, generator);
            ModelFiles.writeNetwork(folder, DISCRIMINATOR, discriminator);
        };
    }

    public static MultiLayerNetwork generator(Checkpoint checkpoint) {
        return ModelFiles.readNetwork(checkpoint, GENERATOR);
    }

    public static MultiLayerNetwork discriminator(Checkpoint checkpoint) {
        return ModelFiles.readNetwork(checkpoint, DISCRIMINATOR);
    }
}
