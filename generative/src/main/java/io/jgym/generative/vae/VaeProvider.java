package io.jgym.generative.vae;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.EpochTrainerProvider;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.images.ImageShape;

/** Registers {@code vae}: the convolutional VAE with a 2-D Gaussian latent on MNIST-format images. */
public final class VaeProvider extends EpochTrainerProvider<ConvVaeConfig> {

    public VaeProvider() {
        super("vae", "A convolutional VAE (conv 32-64, dense 16, 2-D Gaussian latent, Bernoulli pixels) on MNIST-format images.",
                ConvVaeConfig.class, ConvVaeConfig.defaults());
    }

    @Override
    public Trainer<Sampler> create(ConvVaeConfig config) {
        ImageSources.Images images = ImageSources.idx(config.data(), config.maxImages());
        return new ConvVaeTrainer(config, images.train(), images.heldOut());
    }

    @Override
    public Sampler load(ConvVaeConfig config, Checkpoint checkpoint) {
        return ConvVaeTrainer.sampler(ModelFiles.readGraph(checkpoint, ConvVaeTrainer.GRAPH_FILE), config.latentSize(),
                ImageShape.read(checkpoint));
    }
}
