package io.jgym.runs.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainerProvider;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.runs.RunSpec;
import io.jgym.runs.TrainingRun;
import io.jgym.runs.tensorboard.EventFileReader.Event;
import io.jgym.runs.tensorboard.EventFileReader.Value;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run through the real runner and run folder: a toy trainer that draws a sample picture before
 * reporting each epoch, as the generative trainers do, finds its losses and its pictures in the run's
 * event file without knowing about TensorBoard.
 */
class RunFolderTensorBoardTest {
    private static final String LOSS = "losses/toy";

    @TempDir
    Path runs;

    @Test
    void aRunsMetricsAndPicturesReachItsEventFile() throws IOException {
        TrainingRun.plan(new DrawingProvider(), RunSpec.fresh(runs, Map.of()).named("toy")).execute(List.of(), () -> false);

        Path folder = runs.resolve("toy");
        Path eventFile;
        try (Stream<Path> files = Files.list(folder)) {
            eventFile = files.filter(f -> f.getFileName().toString().startsWith(EventFile.PREFIX)).findFirst().orElseThrow();
        }
        List<String> seen = new ArrayList<>();
        for (Event event : EventFileReader.read(eventFile)) {
            for (Value value : event.values()) {
                seen.add(event.step() + " " + value.tag() + (value.image().isPresent() ? " image" : " " + value.simpleValue().orElseThrow()));
            }
        }
        assertEquals(List.of("0 losses/toy 1.0", "0 samples image", "1 losses/toy 0.5", "1 samples image", "2 losses/toy 0.25",
                "2 samples image"), seen, "each epoch's loss and picture at its step; the learning curve drawn at the end is not a picture");
    }

    /** Draws a picture and reports a halving loss each epoch. */
    record DrawingConfig(long seed, int epochs) {
    }

    static final class DrawingProvider implements TrainerProvider<DrawingConfig, String> {
        @Override
        public String name() {
            return "drawing";
        }

        @Override
        public String description() {
            return "A toy that draws a picture each epoch.";
        }

        @Override
        public Kind kind() {
            return Kind.GENERATIVE;
        }

        @Override
        public Class<DrawingConfig> configType() {
            return DrawingConfig.class;
        }

        @Override
        public Map<String, DrawingConfig> presets() {
            return Map.of("default", new DrawingConfig(1, 3));
        }

        @Override
        public Set<String> budget() {
            return Set.of("epochs");
        }

        @Override
        public Trainer<String> create(DrawingConfig config) {
            return new Trainer<>() {
                @Override
                public List<Metric> metrics() {
                    return List.of(Metric.loss(LOSS, "loss", "%.3f"));
                }

                @Override
                public Trained<String> train(TrainingContext context) {
                    for (int epoch = 0; epoch < config.epochs(); epoch++) {
                        String picture = String.format("epoch-%03d.png", epoch + 1);
                        context.folder().ifPresent(dir -> AtomicFiles.writePng(dir.resolve("samples").resolve(picture),
                                new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB)));
                        context.report(EpisodeReport.of(epoch, epoch + 1, Map.of(LOSS, Math.pow(0.5, epoch))));
                    }
                    return context.trained("model", Trained.Outcome.FINISHED, config.epochs());
                }
            };
        }

        @Override
        public String load(DrawingConfig config, Checkpoint checkpoint) {
            return "model";
        }
    }
}
