package io.jgym.generative.sine;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.EpochTrainerProvider;
import io.jgym.generative.gan.GanCheckpoints;
import java.util.List;

/** Registers {@code sine-gan}: a GAN on two-mode noisy sine waves, scored by mode coverage and MMD. */
public final class SineGanProvider extends EpochTrainerProvider<SineGanConfig> {

    public SineGanProvider() {
        super("sine-gan", "A GAN on noisy sine waves of two modes; reports mode coverage and MMD.",
                SineGanConfig.class, SineGanConfig.defaults());
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
}
