package io.jgym.generative.imagegan;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.EpochTrainerProvider;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.gan.GanCheckpoints;
import io.jgym.generative.images.ImageShape;
import java.util.Optional;

/**
 * Registers {@code dense-gan}: the dense MNIST GAN on MNIST-format IDX files (Fashion-MNIST from
 * Debian's {@code dataset-fashion-mnist} by default), judged by a classifier of the same images.
 */
public final class DenseGanProvider extends EpochTrainerProvider<DenseGanConfig> {

    public DenseGanProvider() {
        super("dense-gan", "A dense GAN (100-200-200-784 / 784-200-100-1) on MNIST-format images.",
                DenseGanConfig.class, DenseGanConfig.defaults());
    }

    @Override
    public Trainer<Sampler> create(DenseGanConfig config) {
        ImageSources.Images images = ImageSources.idx(config.data(), config.maxImages());
        return new ImageGanTrainer(config, images.train(), images.heldOut(), Optional.of(images.name()));
    }

    @Override
    public Sampler load(DenseGanConfig config, Checkpoint checkpoint) {
        return ImageGanTrainer.sampler(GanCheckpoints.sampled(checkpoint), config.latentSize(), ImageShape.read(checkpoint));
    }
}
