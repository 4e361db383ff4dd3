package io.jgym.generative;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Provenance;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.runs.CheckpointFolder;
import io.jgym.runs.TrainerConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;

/**
 * What the trainer tests do with a trainer outside the runner: train it with a context of their
 * own (a run folder with its {@code checkpoints/} store keeping two, or nothing at all) and keep its
 * reports, pick one metric out of them, and take back a run's newest checkpoint as if the run had
 * been killed before writing it. The trainer test kit checks the engine's contract; these tests
 * check what each trainer learns and draws.
 */
public final class TrainerRuns {
    private static final Provenance PROVENANCE = new Provenance("test", "default", Map.of(), 1, "test", Optional.empty());

    private TrainerRuns() {
    }

    /** The default preset of {@code provider} with {@code settings} over it, made as the engine makes every config. */
    public static <C> C config(TrainerProvider<C, ?> provider, Map<String, Object> settings) {
        return TrainerConfigs.apply(provider, TrainerConfigs.preset(provider, TrainerConfigs.defaultPreset(provider)), settings);
    }

    /** What one training call gave: its reports in order and the trained model. */
    public record Run(List<EpisodeReport> reports, Trained<Sampler> trained) {
        public Sampler model() {
            return trained.model();
        }
    }

    /** Trains with pictures and checkpoints in {@code folder} when given (a checkpoint there is resumed), else with neither. */
    public static Run train(Trainer<Sampler> trainer, Optional<Path> folder) {
        List<EpisodeReport> reports = new ArrayList<>();
        TrainingContext.Builder context = TrainingContext.builder("test", PROVENANCE, trainer.metrics())
                .listener(new TrainingListener() {
                    @Override
                    public void onEpisode(EpisodeReport report) {
                        reports.add(report);
                    }
                })
                .cache(folder.orElse(Path.of("target", "test-cache")).resolve(".cache"));
        folder.ifPresent(dir -> context.folder(dir).checkpoints(new CheckpointFolder(dir.resolve("checkpoints"), 2, PROVENANCE)));
        Trained<Sampler> trained = trainer.train(context.build());
        return new Run(reports, trained);
    }

    /** Trains and returns the episode reports in order. */
    public static List<EpisodeReport> reports(Trainer<Sampler> trainer, Optional<Path> folder) {
        return train(trainer, folder).reports();
    }

    /** One metric of each report. */
    public static List<Double> metric(List<EpisodeReport> reports, String name) {
        return reports.stream().map(r -> r.metrics().get(name)).toList();
    }

    /** Deletes the newest {@code checkpoints/episode-NNNNNNNN} folder of a run and returns its episodes done. */
    public static long dropNewestCheckpoint(Path runFolder) throws IOException {
        Path newest;
        try (Stream<Path> checkpoints = Files.list(runFolder.resolve("checkpoints"))) {
            newest = checkpoints.filter(p -> p.getFileName().toString().matches("episode-\\d+")).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new AssertionError("no checkpoint in " + runFolder));
        }
        FileUtils.deleteDirectory(newest.toFile());
        return Long.parseLong(newest.getFileName().toString().substring("episode-".length()));
    }
}
