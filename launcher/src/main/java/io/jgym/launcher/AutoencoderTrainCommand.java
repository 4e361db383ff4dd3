package io.jgym.launcher;

import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.autoencoder.AutoencoderConfig;
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
 * What {@code train dense-ae} and {@code train conv-ae} share: the image data, the settings of an
 * {@link AutoencoderConfig}, the run folder, progress and {@code --resume}. Each sub-class names its
 * preset, its trainer and the metrics it plots.
 */
abstract class AutoencoderTrainCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;
    @Mixin
    ImageData images;

    @Option(names = "--seed", description = "Seed (default: 1).")
    Long seed;
    @Option(names = "--epochs", description = "Passes over the images (default: 10).")
    Integer epochs;
    @Option(names = "--encoder-layers", split = ",", description = "Widths from the image to the code; the decoder mirrors them.")
    List<Integer> encoderLayers;
    @Option(names = "--code-size", description = "Size of the code (default: 2, which can be drawn).")
    Integer codeSize;
    @Option(names = "--learning-rate", description = "Adam step size (default: 1e-3).")
    Double learningRate;
    @Option(names = "--batch-size", description = "Images per minibatch (default: 64).")
    Integer batchSize;

    /** The trainer's name in run folders and config.json. */
    abstract String trainerName();

    abstract AutoencoderConfig preset();

    abstract Trainer trainer(AutoencoderConfig config, ImageSet train, ImageSet heldOut, String runName, Path folder);

    abstract List<ProgressPrinter.Column> columns();

    @Override
    public Integer call() {
        Optional<Map<String, Object>> saved = run.resumed(trainerName());
        saved.ifPresent(images::restore);
        AutoencoderConfig config = RunOptions.config(saved, AutoencoderConfig.class, this::resolve);
        ImageSet train = images.train();
        ImageSet heldOut = images.heldOut();
        Path folder = run.folder(trainerName(), images.name());
        Trainer trainer = trainer(config, train, heldOut, folder.getFileName().toString(), folder);
        RunFolder runFolder = run.open(folder, trainerName(), images.details(train), config);
        List<String> plotted = columns().stream().map(ProgressPrinter.Column::metric).toList();
        run.train(trainerName(), runFolder, () -> trainer.train(TrainingListener.of(
                new RunOutputListener(runFolder, plotted, 1), new ProgressPrinter(System.out, columns(), 0))));
        System.out.println("results in " + folder + " (report.html, metrics.csv, PNG pictures, checkpoints/)");
        return 0;
    }

    private AutoencoderConfig resolve() {
        AutoencoderConfig p = preset();
        return new AutoencoderConfig(seed != null ? seed : p.seed(), epochs != null ? epochs : p.epochs(),
                encoderLayers != null ? encoderLayers : p.encoderLayers(), codeSize != null ? codeSize : p.codeSize(),
                learningRate != null ? learningRate : p.learningRate(), batchSize != null ? batchSize : p.batchSize(),
                p.evalImages());
    }
}
