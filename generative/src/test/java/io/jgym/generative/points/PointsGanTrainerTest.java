package io.jgym.generative.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsGanTrainerTest {

    private static PointsGanConfig tiny(long seed) {
        return new PointsGanConfig(seed, 60, 400, 0.1, 4, List.of(32, 32), List.of(32, 32), 2e-3, 50, 20, 200);
    }

    private static List<EpisodeReport> train(PointsGanConfig config, Optional<Path> output) {
        List<EpisodeReport> reports = new ArrayList<>();
        new PointsGanTrainer(config, "test", output).train(new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport report) {
                reports.add(report);
            }
        });
        return reports;
    }

    @Test
    void learnsTowardsTheSineCloudAndAnimatesTraining(@TempDir Path dir) throws IOException {
        List<EpisodeReport> reports = train(tiny(1), Optional.of(dir));
        double first = reports.get(19).metrics().get(PointsGanTrainer.MMD);
        double last = reports.get(59).metrics().get(PointsGanTrainer.MMD);
        assertTrue(last < first, "MMD to the real points falls: " + first + " -> " + last);
        double fooled = reports.get(59).metrics().get(PointsGanTrainer.FOOLED);
        assertTrue(fooled >= 0 && fooled <= 1);
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("training.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true), "one frame every 20 of 60 epochs");
        }
        assertTrue(Files.isRegularFile(dir.resolve("checkpoints/generator.zip")));
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        PointsGanConfig config = new PointsGanConfig(3, 5, 200, 0.1, 2, List.of(8), List.of(8), 1e-3, 50, 5, 50);
        List<Double> a = train(config, Optional.empty()).stream().map(r -> r.metrics().get(PointsGanTrainer.GENERATOR_LOSS)).toList();
        List<Double> b = train(config, Optional.empty()).stream().map(r -> r.metrics().get(PointsGanTrainer.GENERATOR_LOSS)).toList();
        assertEquals(a, b);
    }
}
