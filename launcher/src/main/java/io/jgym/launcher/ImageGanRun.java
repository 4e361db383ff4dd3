package io.jgym.launcher;

import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.imagegan.ImageGanConfig;
import io.jgym.generative.imagegan.ImageGanTrainer;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.runs.RunFolder;
import io.jgym.runs.RunOutputListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code train dense-gan} and {@code train dcgan-rgb} do once their settings and images are
 * known: create (or, resuming, reopen) the run folder, train an {@link ImageGanTrainer} into it, and show and plot the
 * losses and MMD, plus the Frechet distance and classes covered when a classifier judges the images.
 */
final class ImageGanRun {
    private ImageGanRun() {
    }

    static void train(String trainer, ImageGanConfig config, ImageSet train, ImageSet heldOut, Optional<ClassifierQuality> judge,
                      RunOptions run, String dataName, Map<String, Object> details) {
        Path folder = run.folder(trainer, dataName);
        RunFolder runFolder = run.open(folder, trainer, details, config);
        List<ProgressPrinter.Column> columns = new ArrayList<>(List.of(
                new ProgressPrinter.Column("D loss", ImageGanTrainer.DISCRIMINATOR_LOSS, "%.3f"),
                new ProgressPrinter.Column("G loss", ImageGanTrainer.GENERATOR_LOSS, "%.3f"),
                new ProgressPrinter.Column("MMD", ImageGanTrainer.MMD, "%.4f")));
        if (judge.isPresent()) {
            columns.add(new ProgressPrinter.Column("FD", ImageGanTrainer.FRECHET, "%.2f"));
            columns.add(new ProgressPrinter.Column("classes", ImageGanTrainer.CLASSES_COVERED, "%.0f"));
        }
        List<String> plotted = columns.stream().map(ProgressPrinter.Column::metric).toList();
        columns.add(new ProgressPrinter.Column("s/epoch", ImageGanTrainer.SECONDS, "%.1f"));
        ImageGanTrainer gan = new ImageGanTrainer(config, train, heldOut, folder.getFileName().toString(), Optional.of(folder), judge);
        run.train(trainer, runFolder, () -> gan.train(TrainingListener.of(new RunOutputListener(runFolder, plotted, 1),
                new ProgressPrinter(System.out, columns, 0))));
        System.out.println("results in " + folder + " (report.html, metrics.csv, samples/, checkpoints/)");
    }
}
