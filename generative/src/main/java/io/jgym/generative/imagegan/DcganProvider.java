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
 * Registers {@code dcgan-rgb}: the DCGAN on colour images (a PNG/JPEG folder, or generated shapes).
 * When the images come in two or more classes, a classifier judges the generated ones (classes
 * covered, classifier score, Frechet distance); MMD to held-out images is always reported.
 */
public final class DcganProvider extends EpochTrainerProvider<DcganConfig> {

    public DcganProvider() {
        super("dcgan-rgb", "A DCGAN (upsampling convolutions, label smoothing 0.1) on colour images (generated shapes when no --data is given).",
                DcganConfig.class, DcganConfig.defaults());
    }

    @Override
    public Trainer<Sampler> create(DcganConfig config) {
        ImageSources.Images images = ImageSources.colour(config.data(), config.imageSize(), config.shapes(), config.maxImages());
        Optional<String> judged = images.classes().size() < 2 ? Optional.empty() : Optional.of(images.name());
        return new ImageGanTrainer(config, images.train(), images.heldOut(), judged);
    }

    @Override
    public Sampler load(DcganConfig config, Checkpoint checkpoint) {
        return ImageGanTrainer.sampler(GanCheckpoints.sampled(checkpoint), config.latentSize(), ImageShape.read(checkpoint));
    }
}
