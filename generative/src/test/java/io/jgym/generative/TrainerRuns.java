package io.jgym.generative;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;

/**
 * What the trainer tests do with a trainer: run it and keep its reports, pick one metric out of
 * them, and take back a run's newest checkpoint as if the run had been killed before writing it.
 */
public final class TrainerRuns {
    private TrainerRuns() {
    }

    /** Trains and returns the episode reports in order. */
    public static List<EpisodeReport> reports(Trainer trainer) {
        List<EpisodeReport> reports = new ArrayList<>();
        trainer.train(new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport report) {
                reports.add(report);
            }
        });
        return reports;
    }

    /** One metric of each report. */
    public static List<Double> metric(List<EpisodeReport> reports, String name) {
        return reports.stream().map(r -> r.metrics().get(name)).toList();
    }

    /** Deletes the newest {@code checkpoints/epoch-NNNN} folder of a run and returns its NNNN. */
    public static int dropNewestCheckpoint(Path runFolder) throws IOException {
        Path newest;
        try (Stream<Path> checkpoints = Files.list(runFolder.resolve("checkpoints"))) {
            newest = checkpoints.filter(p -> p.getFileName().toString().matches("epoch-\\d+")).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new AssertionError("no checkpoint in " + runFolder));
        }
        FileUtils.deleteDirectory(newest.toFile());
        return Integer.parseInt(newest.getFileName().toString().substring("epoch-".length()));
    }
}
