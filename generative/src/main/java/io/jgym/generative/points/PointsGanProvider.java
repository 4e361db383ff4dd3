package io.jgym.generative.points;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trainer;
import io.jgym.generative.EpochTrainerProvider;
import io.jgym.generative.gan.GanCheckpoints;

/** Registers {@code points-gan}: a GAN on the 2-D points (x, sin(x) + noise), animated into training.gif. */
public final class PointsGanProvider extends EpochTrainerProvider<PointsGanConfig> {

    public PointsGanProvider() {
        super("points-gan", "A GAN on the 2-D points (x, sin(x) + noise); writes training.gif.",
                PointsGanConfig.class, PointsGanConfig.defaults());
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
