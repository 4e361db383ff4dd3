package io.jgym.launcher;

import io.jgym.generative.data.ImageSet;
import io.jgym.generative.imagegan.DenseGanConfig;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgym train dense-gan}: the dense MNIST GAN on MNIST-format IDX files (Fashion-MNIST from
 * Debian's {@code dataset-fashion-mnist} by default). Writes the run folder with sample grids under
 * {@code samples/}; {@code --resume} continues a run from its last epoch.
 */
@Command(name = "dense-gan", mixinStandardHelpOptions = true,
        description = "Train a dense GAN (100-200-200-784 / 784-200-100-1) on MNIST-format images.")
final class DenseGanTrainCommand implements Callable<Integer> {
    private static final String TRAINER = "dense-gan";
    private static final DenseGanConfig DEFAULTS = DenseGanConfig.defaults();

    @Mixin
    RunOptions run;

    @Mixin
    ImageData images;
    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();
    @Option(names = "--epochs", description = "Passes over the images (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();
    @Option(names = "--latent-size", description = "Generator input size (default: ${DEFAULT-VALUE}).")
    int latentSize = DEFAULTS.latentSize();
    @Option(names = "--learning-rate", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate = DEFAULTS.learningRate();
    @Option(names = "--batch-size", description = "Images per minibatch (default: ${DEFAULT-VALUE}).")
    int batchSize = DEFAULTS.batchSize();
    @Option(names = "--pack", description = "Images the discriminator judges together (default: ${DEFAULT-VALUE}).")
    int pack = DEFAULTS.pack();
    @Option(names = "--label-smoothing", description = "Real labels are 1 minus this (default: ${DEFAULT-VALUE}).")
    double labelSmoothing = DEFAULTS.labelSmoothing();

    @Override
    public Integer call() {
        Optional<Map<String, Object>> saved = run.resumed(TRAINER);
        saved.ifPresent(images::restore);
        DenseGanConfig config = RunOptions.config(saved, DenseGanConfig.class, () -> new DenseGanConfig(seed, epochs, latentSize,
                DEFAULTS.generatorLayers(), DEFAULTS.discriminatorLayers(), DEFAULTS.dropout(), learningRate,
                DEFAULTS.learningRateDecay(), DEFAULTS.beta1(), batchSize, pack, labelSmoothing, DEFAULTS.evalSamples()));
        ImageSet train = images.train();
        ImageSet heldOut = images.heldOut();
        ImageGanRun.train(TRAINER, config, train, heldOut,
                Optional.of(images.judge(train, heldOut, run.runsDir, config.evalSamples())), run, images.name(), images.details(train));
        return 0;
    }
}
