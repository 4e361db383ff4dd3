package io.jgym.generative.imagegan;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.GenerativeProvider;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.gan.GanCheckpoints;
import io.jgym.generative.images.ImageShape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers {@code dense-gan}: the dense MNIST GAN on MNIST-format IDX files (Fashion-MNIST from
 * Debian's {@code dataset-fashion-mnist} by default), judged by a classifier of the same images.
 */
public final class DenseGanProvider implements GenerativeProvider<DenseGanConfig> {

    @Override
    public String name() {
        return "dense-gan";
    }

    @Override
    public String description() {
        return "A dense GAN (100-200-200-784 / 784-200-100-1) on MNIST-format images.";
    }

    @Override
    public Class<DenseGanConfig> configType() {
        return DenseGanConfig.class;
    }

    @Override
    public Map<String, DenseGanConfig> presets() {
        Map<String, DenseGanConfig> presets = new LinkedHashMap<>();
        presets.put("default", DenseGanConfig.defaults());
        return presets;
    }

    @Override
    public Set<String> budget() {
        return Set.of("epochs");
    }

    @Override
    public Trainer<Sampler> create(DenseGanConfig config) {
        ImageSources.Images images = ImageSources.idx(config.data(), config.maxImages());
        return new ImageGanTrainer(config, images.train(), images.heldOut(), Optional.of(images.name()));
    }

    @Override
    public Sampler load(DenseGanConfig config, Checkpoint checkpoint) {
        return ImageGanTrainer.sampler(GanCheckpoints.generator(checkpoint), config.latentSize(), ImageShape.read(checkpoint));
    }
}
