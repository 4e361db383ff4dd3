package io.jgym.generative.points;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.GenerativeProvider;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.gan.GanCheckpoints;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Registers {@code points-gan}: a GAN on the 2-D points (x, sin(x) + noise), animated into training.gif. */
public final class PointsGanProvider implements GenerativeProvider<PointsGanConfig> {

    @Override
    public String name() {
        return "points-gan";
    }

    @Override
    public String description() {
        return "A GAN on the 2-D points (x, sin(x) + noise); writes training.gif.";
    }

    @Override
    public Class<PointsGanConfig> configType() {
        return PointsGanConfig.class;
    }

    @Override
    public Map<String, PointsGanConfig> presets() {
        Map<String, PointsGanConfig> presets = new LinkedHashMap<>();
        presets.put("default", PointsGanConfig.defaults());
        return presets;
    }

    @Override
    public Set<String> budget() {
        return Set.of("epochs");
    }

    @Override
    public Trainer<Sampler> create(PointsGanConfig config) {
        return new PointsGanTrainer(config);
    }

    @Override
    public Sampler load(PointsGanConfig config, Checkpoint checkpoint) {
        return new PointSampler(GanCheckpoints.generator(checkpoint), config);
    }
}
