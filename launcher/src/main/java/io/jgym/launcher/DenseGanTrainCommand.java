package io.jgym.launcher;

import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.imagegan.ImageGanTrainer;
import io.jgym.generative.mnist.DenseGanConfig;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunOutputListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgym train dense-gan}: the dense MNIST GAN on MNIST-format IDX files (Fashion-MNIST from
 * Debian's {@code dataset-fashion-mnist} by default). Writes the run folder with sample grids under
 * {@code samples/}.
 */
@Command(name = "dense-gan", mixinStandardHelpOptions = true,
        description = "Train a dense GAN (100-200-200-784 / 784-200-100-1) on MNIST-format images.")
final class DenseGanTrainCommand implements Callable<Integer> {
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
        if (run.resume) {
            throw new IllegalArgumentException("dense-gan runs cannot be resumed yet; start a new run");
        }
        DenseGanConfig config = new DenseGanConfig(seed, epochs, latentSize, DEFAULTS.generatorLayers(),
                DEFAULTS.discriminatorLayers(), DEFAULTS.dropout(), learningRate, DEFAULTS.learningRateDecay(),
                DEFAULTS.beta1(), batchSize, pack, labelSmoothing, DEFAULTS.evalSamples());
        ImageSet train = images.train();
        ImageSet heldOut = images.heldOut();
        Path folder = run.folder("dense-gan", images.name());
        RunFolder runFolder = RunOptions.create(folder, "dense-gan", images.details(train), config);
        new ImageGanTrainer(config, train, heldOut, folder.getFileName().toString(), Optional.of(folder),
                Optional.of(images.judge(train, heldOut, run.runsDir, config.evalSamples()))).train(TrainingListener.of(
                new RunOutputListener(runFolder, List.of(ImageGanTrainer.DISCRIMINATOR_LOSS, ImageGanTrainer.GENERATOR_LOSS,
                        ImageGanTrainer.MMD, ImageGanTrainer.FRECHET, ImageGanTrainer.CLASSES_COVERED), 1),
                new ProgressPrinter(System.out, List.of(
                        new ProgressPrinter.Column("D loss", ImageGanTrainer.DISCRIMINATOR_LOSS, "%.3f"),
                        new ProgressPrinter.Column("G loss", ImageGanTrainer.GENERATOR_LOSS, "%.3f"),
                        new ProgressPrinter.Column("MMD", ImageGanTrainer.MMD, "%.4f"),
                        new ProgressPrinter.Column("FD", ImageGanTrainer.FRECHET, "%.2f"),
                        new ProgressPrinter.Column("classes", ImageGanTrainer.CLASSES_COVERED, "%.0f"),
                        new ProgressPrinter.Column("s/epoch", ImageGanTrainer.SECONDS, "%.1f")), 0)));
        System.out.println("results in " + folder + " (report.html, metrics.csv, samples/, checkpoints/)");
        return 0;
    }
}
