package io.jgym.generative.autoencoder;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.EpochTrainerProvider;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.images.ImageShape;

/**
 * Registers {@code dense-ae}: the dense 784-100-20-2 autoencoder on MNIST-format images. Its sampler decodes
 * codes drawn uniformly in the box where the checkpointed network put the held-out images' codes.
 */
public final class DenseAeProvider extends EpochTrainerProvider<AutoencoderConfig> {

    public DenseAeProvider() {
        super("dense-ae", "A dense autoencoder (784-100-20-2, mirrored, binary cross-entropy) on MNIST-format images.",
                AutoencoderConfig.class, AutoencoderConfig.defaults());
    }

    @Override
    public Trainer<Sampler> create(AutoencoderConfig config) {
        ImageSources.Images images = ImageSources.idx(config.data(), config.maxImages());
        return new AutoencoderTrainer(config, images.train(), images.heldOut());
    }

    @Override
    public Sampler load(AutoencoderConfig config, Checkpoint checkpoint) {
        return AutoencoderTrainer.sampler(ModelFiles.readNetwork(checkpoint, AutoencoderTrainer.NETWORK_FILE),
                AutoencoderNetworks.codeLayer(config), ImageShape.read(checkpoint), CodeArea.read(checkpoint, config.codeSize()));
    }
}
