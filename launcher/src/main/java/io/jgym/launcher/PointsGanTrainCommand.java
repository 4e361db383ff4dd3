package io.jgym.launcher;

import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.points.PointsGanConfig;
import io.jgym.generative.points.PointsGanTrainer;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunOutputListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgym train points-gan}: the GAN on (x, sin(x) + noise), with an animated GIF of training;
 * {@code --resume} continues a run from its last frame.
 */
@Command(name = "points-gan", mixinStandardHelpOptions = true,
        description = "Train a GAN on the 2-D points (x, sin(x) + noise); writes training.gif.")
final class PointsGanTrainCommand implements Callable<Integer> {
    private static final String TRAINER = "points-gan";
    private static final PointsGanConfig DEFAULTS = PointsGanConfig.defaults();

    @Mixin
    RunOptions run;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();
    @Option(names = "--epochs", description = "Passes over the points (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();
    @Option(names = "--samples", description = "Real points (default: ${DEFAULT-VALUE}).")
    int samples = DEFAULTS.samples();
    @Option(names = "--noise", description = "Noise on sin(x) (default: ${DEFAULT-VALUE}).")
    double noise = DEFAULTS.noise();
    @Option(names = "--latent-size", description = "Generator input size, e.g. 1, 20 or 100 (default: ${DEFAULT-VALUE}).")
    int latentSize = DEFAULTS.latentSize();
    @Option(names = "--generator-layers", split = ",", description = "Generator hidden widths (default: 64,64).")
    List<Integer> generatorLayers = DEFAULTS.generatorLayers();
    @Option(names = "--discriminator-layers", split = ",", description = "Discriminator hidden widths (default: 64,64).")
    List<Integer> discriminatorLayers = DEFAULTS.discriminatorLayers();
    @Option(names = "--learning-rate", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate = DEFAULTS.learningRate();
    @Option(names = "--batch-size", description = "Points per minibatch (default: ${DEFAULT-VALUE}).")
    int batchSize = DEFAULTS.batchSize();
    @Option(names = "--frame-every", description = "Epochs between GIF frames (default: ${DEFAULT-VALUE}).")
    int frameEvery = DEFAULTS.frameEvery();

    @Override
    public Integer call() {
        PointsGanConfig config = RunOptions.config(run.resumed(TRAINER), PointsGanConfig.class, () -> new PointsGanConfig(seed,
                epochs, samples, noise, latentSize, generatorLayers, discriminatorLayers, learningRate, batchSize, frameEvery,
                DEFAULTS.evalSamples()));
        Path folder = run.folder(TRAINER, "sine-cloud");
        RunFolder runFolder = run.open(folder, TRAINER, Map.of(), config);
        PointsGanTrainer trainer = new PointsGanTrainer(config, folder.getFileName().toString(), Optional.of(folder));
        run.train(TRAINER, runFolder, () -> trainer.train(TrainingListener.of(
                new RunOutputListener(runFolder, List.of(PointsGanTrainer.DISCRIMINATOR_LOSS, PointsGanTrainer.GENERATOR_LOSS,
                        PointsGanTrainer.MMD, PointsGanTrainer.FOOLED), 1),
                new ProgressPrinter(System.out, List.of(
                        new ProgressPrinter.Column("D loss", PointsGanTrainer.DISCRIMINATOR_LOSS, "%.3f"),
                        new ProgressPrinter.Column("G loss", PointsGanTrainer.GENERATOR_LOSS, "%.3f"),
                        new ProgressPrinter.Column("MMD", PointsGanTrainer.MMD, "%.4f"),
                        new ProgressPrinter.Column("fooled", PointsGanTrainer.FOOLED, "%.2f")), run.progressSeconds))));
        System.out.println("results in " + folder + " (training.gif, frames/, report.html, metrics.csv, checkpoints/)");
        return 0;
    }
}
