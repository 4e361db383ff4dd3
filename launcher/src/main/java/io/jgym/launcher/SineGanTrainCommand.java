package io.jgym.launcher;

import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.sine.SineGanConfig;
import io.jgym.generative.sine.SineGanTrainer;
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
 * {@code jgym train sine-gan}: the GAN on two-mode noisy sine waves. Writes the run folder with
 * per-epoch losses, mode-coverage metrics every {@code --trace} epochs and snapshot grids of
 * generated waves under {@code snapshots/}; {@code --resume} continues a run from its last snapshot.
 */
@Command(name = "sine-gan", mixinStandardHelpOptions = true,
        description = "Train a GAN on noisy sine waves of two modes; reports mode coverage and MMD.")
final class SineGanTrainCommand implements Callable<Integer> {
    private static final String TRAINER = "sine-gan";
    private static final SineGanConfig DEFAULTS = SineGanConfig.defaults();

    @Mixin
    RunOptions run;

    @Option(names = "--seed", description = "Seed of data, networks and latent draws (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();
    @Option(names = "--epochs", description = "Passes over the waves (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();
    @Option(names = "--waves", description = "Training waves (default: ${DEFAULT-VALUE}).")
    int waves = DEFAULTS.waves();
    @Option(names = "--points", description = "Values per wave (default: ${DEFAULT-VALUE}).")
    int points = DEFAULTS.points();
    @Option(names = "--amplitudes", split = ",", description = "Amplitude of each mode (default: 1.0,3.0).")
    List<Double> amplitudes = DEFAULTS.amplitudes();
    @Option(names = "--frequencies", split = ",", description = "Frequency of each mode, cycles over [0, 1] (default: 1.0,5.0).")
    List<Double> frequencies = DEFAULTS.frequencies();
    @Option(names = "--noise", description = "Noise standard deviation (default: ${DEFAULT-VALUE}).")
    double noise = DEFAULTS.noise();
    @Option(names = "--latent-size", description = "Generator input size (default: ${DEFAULT-VALUE}).")
    int latentSize = DEFAULTS.latentSize();
    @Option(names = "--generator-layers", split = ",", description = "Generator hidden widths (default: 64,128).")
    List<Integer> generatorLayers = DEFAULTS.generatorLayers();
    @Option(names = "--discriminator-layers", split = ",", description = "Discriminator hidden widths (default: 128,64).")
    List<Integer> discriminatorLayers = DEFAULTS.discriminatorLayers();
    @Option(names = "--dropout", description = "Discriminator dropout (default: ${DEFAULT-VALUE}).")
    double dropout = DEFAULTS.dropout();
    @Option(names = "--learning-rate", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate = DEFAULTS.learningRate();
    @Option(names = "--learning-rate-decay", description = "Factor the step size has shrunk by at the last epoch (default: ${DEFAULT-VALUE}).")
    double learningRateDecay = DEFAULTS.learningRateDecay();
    @Option(names = "--beta1", description = "Adam beta1 (default: ${DEFAULT-VALUE}).")
    double beta1 = DEFAULTS.beta1();
    @Option(names = "--batch-size", description = "Waves per minibatch (default: ${DEFAULT-VALUE}).")
    int batchSize = DEFAULTS.batchSize();
    @Option(names = "--pack", description = "Samples the discriminator judges together; 1 = plain GAN, more = PacGAN against mode collapse (default: ${DEFAULT-VALUE}).")
    int pack = DEFAULTS.pack();
    @Option(names = "--label-smoothing", description = "Real labels are 1 minus this (default: ${DEFAULT-VALUE}).")
    double labelSmoothing = DEFAULTS.labelSmoothing();
    @Option(names = "--smoothing", description = "Width in points of the fixed low-pass filter ending the generator and applied to the training waves the discriminator sees; 0 = train on the raw noisy waves (default: ${DEFAULT-VALUE}).")
    double smoothing = DEFAULTS.smoothing();
    @Option(names = "--trace", description = "Epochs between quality scores and snapshots (default: ${DEFAULT-VALUE}).")
    int trace = DEFAULTS.trace();
    @Option(names = "--eval-samples", description = "Generated waves per quality score (default: ${DEFAULT-VALUE}).")
    int evalSamples = DEFAULTS.evalSamples();

    @Override
    public Integer call() {
        SineGanConfig config = RunOptions.config(run.resumed(TRAINER), SineGanConfig.class, () -> new SineGanConfig(seed, epochs,
                waves, points, amplitudes, frequencies, noise, latentSize, generatorLayers, discriminatorLayers, dropout, learningRate,
                learningRateDecay, beta1, batchSize, pack, labelSmoothing, smoothing, trace, evalSamples));
        Path folder = run.folder(TRAINER, "waves");
        RunFolder runFolder = run.open(folder, TRAINER, Map.of(), config);
        List<String> plotted = List.of(SineGanTrainer.DISCRIMINATOR_LOSS, SineGanTrainer.GENERATOR_LOSS,
                SineGanTrainer.VALID_SHARE, SineGanTrainer.modeShare(0), SineGanTrainer.MMD);
        SineGanTrainer trainer = new SineGanTrainer(config, folder.getFileName().toString(), Optional.of(folder));
        run.train(TRAINER, runFolder, () -> trainer.train(TrainingListener.of(
                new RunOutputListener(runFolder, plotted, 1),
                new ProgressPrinter(System.out, List.of(
                        new ProgressPrinter.Column("D loss", SineGanTrainer.DISCRIMINATOR_LOSS, "%.3f"),
                        new ProgressPrinter.Column("G loss", SineGanTrainer.GENERATOR_LOSS, "%.3f"),
                        new ProgressPrinter.Column("valid", SineGanTrainer.VALID_SHARE, "%.2f"),
                        new ProgressPrinter.Column("mode 0", SineGanTrainer.modeShare(0), "%.2f"),
                        new ProgressPrinter.Column("MMD", SineGanTrainer.MMD, "%.3f")), run.progressSeconds))));
        System.out.println("results in " + folder + " (report.html, metrics.csv, snapshots/, checkpoints/)");
        return 0;
    }
}
