package io.jgym.generative.vae;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.GenerativeProvider;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.images.ImageShape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Registers {@code conv-vae-rgb}: the convolutional VAE with a 10-D latent on colour images (generated shapes by default). */
public final class ConvVaeRgbProvider implements GenerativeProvider<ConvVaeRgbConfig> {

    @Override
    public String name() {
        return "conv-vae-rgb";
    }

    @Override
    public String description() {
        return "A convolutional VAE (conv 16-32-64, dense 128, 10-D latent) on colour images (generated shapes when no --data is given).";
    }

    @Override
    public Class<ConvVaeRgbConfig> configType() {
        return ConvVaeRgbConfig.class;
    }

    @Override
    public Map<String, ConvVaeRgbConfig> presets() {
        Map<String, ConvVaeRgbConfig> presets = new LinkedHashMap<>();
        presets.put("default", ConvVaeRgbConfig.defaults());
        return presets;
    }

    @Override
    public Set<String> budget() {
        return Set.of("epochs");
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
