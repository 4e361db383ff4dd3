package io.jgym.launcher;

import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.vae.ConvVaeConfig;
import io.jgym.generative.vae.ConvVaeTrainer;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunOutputListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code train vae} and {@code train conv-vae-rgb} share: the settings of a
 * {@link ConvVaeConfig}, the run folder, progress, and {@code --resume} (the saved settings and data
 * are reused and training continues after the last checkpointed epoch). Each sub-class names its
 * preset and where its images come from.
 */
abstract class ConvVaeTrainCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--seed", description = "Seed (default: 1).")
    Long seed;
    @Option(names = "--epochs", description = "Passes over the images (default: the preset's).")
    Integer epochs;
    @Option(names = "--filters", split = ",", description = "Channels of each 3x3 stride-2 encoder convolution; the decoder mirrors them.")
    List<Integer> filters;
    @Option(names = "--dense-width", description = "Width of the dense layer before the latent.")
    Integer denseWidth;
    @Option(names = "--latent-size", description = "Size of the Gaussian latent (2 can be drawn).")
    Integer latentSize;
    @Option(names = "--learning-rate", description = "Adam step size (default: 1e-3).")
    Double learningRate;
    @Option(names = "--batch-size", description = "Images per minibatch.")
    Integer batchSize;
    @Option(names = "--eval-images", description = "Held-out images scored each epoch.")
    Integer evalImages;

    /** Images for training and evaluation. */
    record Images(ImageSet train, ImageSet heldOut, String name, Map<String, Object> details) {
    }

    /** The trainer's name in run folders and config.json. */
    abstract String trainerName();

    abstract ConvVaeConfig preset();

    /** Loads the images, from the flags or, when resuming, from the run's saved {@code details}. */
    abstract Images images(Optional<Map<String, Object>> saved);

    @Override
    public Integer call() {
        Optional<Map<String, Object>> saved = run.resumed(trainerName());
        ConvVaeConfig config = RunOptions.config(saved, ConvVaeConfig.class, this::resolve);
        Images images = images(saved);
        Path folder = run.folder(trainerName(), images.name());
        ConvVaeTrainer trainer = new ConvVaeTrainer(config, images.train(), images.heldOut(), folder.getFileName().toString(),
                Optional.of(folder));
        RunFolder runFolder = run.open(folder, trainerName(), images.details(), config);
        List<ProgressPrinter.Column> columns = List.of(
                new ProgressPrinter.Column("train -ELBO", ConvVaeTrainer.TRAIN_NEG_ELBO, "%.1f"),
                new ProgressPrinter.Column("held-out -ELBO", ConvVaeTrainer.HELD_OUT_NEG_ELBO, "%.1f"),
                new ProgressPrinter.Column("reconstruction", ConvVaeTrainer.HELD_OUT_RECONSTRUCTION, "%.1f"),
                new ProgressPrinter.Column("KL", ConvVaeTrainer.HELD_OUT_KL, "%.2f"));
        run.train(trainerName(), runFolder, () -> trainer.train(TrainingListener.of(
                new RunOutputListener(runFolder, columns.stream().map(ProgressPrinter.Column::metric).toList(), 1),
                new ProgressPrinter(System.out, columns, 0))));
        System.out.println("results in " + folder + " (report.html, metrics.csv, samples.png, reconstructions.png, checkpoints/)");
        return 0;
    }

    private ConvVaeConfig resolve() {
        ConvVaeConfig p = preset();
        return new ConvVaeConfig(seed != null ? seed : p.seed(), epochs != null ? epochs : p.epochs(),
                filters != null ? filters : p.filters(), denseWidth != null ? denseWidth : p.denseWidth(),
                latentSize != null ? latentSize : p.latentSize(), learningRate != null ? learningRate : p.learningRate(),
                batchSize != null ? batchSize : p.batchSize(), evalImages != null ? evalImages : p.evalImages());
    }
}
