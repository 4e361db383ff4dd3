package io.jgym.generative.autoencoder;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.EpochTrainerProvider;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.images.ImageShape;

/**
 * Registers {@code conv-ae}: the convolutional autoencoder (conv 16-8-8, 2-D code) on 28x28 MNIST-format images. Its sampler decodes
 * codes drawn uniformly in the box where the checkpointed network put the held-out images' codes.
 */
public final class ConvAeProvider extends EpochTrainerProvider<ConvAutoencoderConfig> {

    public ConvAeProvider() {
        super("conv-ae", "A convolutional autoencoder (conv 16-8-8 + pooling, 2-D code, upsampling decoder) on 28x28 images.",
                ConvAutoencoderConfig.class, ConvAutoencoderConfig.defaults());
    }

    @Override
    public Trainer<Sampler> create(ConvAutoencoderConfig config) {
        ImageSources.Images images = ImageSources.idx(config.data(), config.maxImages());
        return new AutoencoderTrainer(config, images.train(), images.heldOut());
    }

    @Override
    public Sampler load(ConvAutoencoderConfig config, Checkpoint checkpoint) {
        return AutoencoderTrainer.sampler(ModelFiles.readNetwork(checkpoint, AutoencoderTrainer.NETWORK_FILE),
                AutoencoderNetworks.codeLayer(config), ImageShape.read(checkpoint), CodeArea.read(checkpoint, config.codeSize()));
    }
}
