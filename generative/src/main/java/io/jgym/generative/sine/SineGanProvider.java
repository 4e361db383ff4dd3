package io.jgym.generative.sine;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.GenerativeProvider;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.gan.GanCheckpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registers {@code sine-gan}: a GAN on two-mode noisy sine waves, scored by mode coverage and MMD. */
public final class SineGanProvider implements GenerativeProvider<SineGanConfig> {

    @Override
    public String name() {
        return "sine-gan";
    }

    @Override
    public String description() {
        return "A GAN on noisy sine waves of two modes; reports mode coverage and MMD.";
    }

    @Override
    public Class<SineGanConfig> configType() {
        return SineGanConfig.class;
    }

    @Override
    public Map<String, SineGanConfig> presets() {
        Map<String, SineGanConfig> presets = new LinkedHashMap<>();
        presets.put("default", SineGanConfig.defaults());
        return presets;
    }

    @Override
    public Set<String> budget() {
        return Set.of("epochs");
    }

    @Override
    public Trainer<Sampler> create(SineGanConfig config) {
        return new SineGanTrainer(config);
    }

    @Override
    public Sampler load(SineGanConfig config, Checkpoint checkpoint) {
        return new WaveSampler(GanCheckpoints.generator(checkpoint), config.latentSize(), config.points());
    }

    /** Every mode covered: the "both modes" column of the old {@code bench generative}. */
    @Override
    public List<Target> targets(SineGanConfig config) {
        return List.of(new Target(SineGanTrainer.MODES_COVERED, config.amplitudes().size()));
    }

    @Override
    public String divergenceHint() {
        return "try a lower --learning-rate";
    }
}
