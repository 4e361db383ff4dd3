package io.jgym.generative.vae;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.EpochTrainerProvider;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.images.ImageShape;

/** Registers {@code conv-vae-rgb}: the convolutional VAE with a 10-D latent and Gaussian pixels on colour images (generated shapes by default). */
public final class ConvVaeRgbProvider extends EpochTrainerProvider<ConvVaeRgbConfig> {

    public ConvVaeRgbProvider() {
        super("conv-vae-rgb", "A convolutional VAE (conv 16-32, dense 128, 10-D latent, Gaussian pixels) on colour images (generated shapes when no --data is given).",
                ConvVaeRgbConfig.class, ConvVaeRgbConfig.defaults());
    }

    @Override
    public Trainer<Sampler> create(ConvVaeRgbConfig config) {
        ImageSources.Images images = ImageSources.colour(config.data(), config.imageSize(), config.shapes(), config.maxImages());
        return new ConvVaeTrainer(config, images.train(), images.heldOut());
    }

    @Override
    public Sampler load(ConvVaeRgbConfig config, Checkpoint checkpoint) {
        return ConvVaeTrainer.sampler(ModelFiles.readGraph(checkpoint, ConvVaeTrainer.GRAPH_FILE), config.latentSize(),
                ImageShape.read(checkpoint));
    }
}
