package io.jgym.launcher;

import io.jgym.generative.data.ImageFolder;
import io.jgym.generative.imagegan.DcganConfig;
import io.jgym.generative.metrics.ClassifierQuality;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgym train dcgan-rgb}: the DCGAN on colour images (a PNG/JPEG folder, or generated shapes).
 * When the images come in two or more classes, a classifier judges the generated ones (classes
 * covered, classifier score, Frechet distance); MMD to held-out images is always reported.
 * {@code --resume} continues a run from its last epoch.
 */
@Command(name = "dcgan-rgb", mixinStandardHelpOptions = true,
        description = "Train a DCGAN (transposed convolutions, label smoothing 0.1) on 80x80 colour images"
                + " (generated shapes when no --data is given).")
final class DcganTrainCommand implements Callable<Integer> {
    private static final String TRAINER = "dcgan-rgb";
    private static final DcganConfig DEFAULTS = DcganConfig.defaults();

    @Mixin
    RunOptions run;
    @Mixin
    ColourImageData data;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();
    @Option(names = "--epochs", description = "Passes over the images (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();
    @Option(names = "--latent-size", description = "Generator input size (default: ${DEFAULT-VALUE}).")
    int latentSize = DEFAULTS.latentSize();
    @Option(names = "--generator-filters", split = ",", description = "Channels after the dense layer and each transposed"
            + " convolution but the last; one doubling each (default: 128,64,32,16).")
    List<Integer> generatorFilters = DEFAULTS.generatorFilters();
    @Option(names = "--discriminator-filters", split = ",", description = "Channels of each stride-2 convolution (default: 16,32,64,128).")
    List<Integer> discriminatorFilters = DEFAULTS.discriminatorFilters();
    @Option(names = "--learning-rate", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate = DEFAULTS.learningRate();
    @Option(names = "--batch-size", description = "Images per minibatch (default: ${DEFAULT-VALUE}).")
    int batchSize = DEFAULTS.batchSize();
    @Option(names = "--label-smoothing", description = "Real labels are 1 minus this (default: ${DEFAULT-VALUE}).")
    double labelSmoothing = DEFAULTS.labelSmoothing();

    @Override
    public Integer call() {
        Optional<Map<String, Object>> saved = run.resumed(TRAINER);
        saved.ifPresent(data::restore);
        DcganConfig config = RunOptions.config(saved, DcganConfig.class, () -> new DcganConfig(seed, epochs, latentSize,
                generatorFilters, discriminatorFilters, learningRate, DEFAULTS.beta1(), batchSize, labelSmoothing,
                DEFAULTS.evalSamples()));
        ImageFolder.Split split = data.load();
        Optional<ClassifierQuality> judge = split.classes().size() < 2 ? Optional.empty()
                : Optional.of(ImageData.judge(data.name() + "-" + data.imageSize, split.train(), split.heldOut(), run.runsDir,
                        config.evalSamples()));
        ImageGanRun.train(TRAINER, config, split.train(), split.heldOut(), judge, run, data.name(), data.details(split));
        return 0;
    }
}
