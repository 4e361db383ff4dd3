package io.jgym.generative.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.generative.TrainerRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsGanTrainerTest {

    private static PointsGanConfig tiny(long seed) {
        return TrainerRuns.config(new PointsGanProvider(), Map.ofEntries(
                Map.entry("seed", seed),
                Map.entry("epochs", 60),
                Map.entry("samples", 400),
                Map.entry("noise", 0.1),
                Map.entry("latentSize", 4),
                Map.entry("generatorLayers", List.of(32, 32)),
                Map.entry("discriminatorLayers", List.of(32, 32)),
                Map.entry("learningRate", 2e-3),
                Map.entry("batchSize", 50),
                Map.entry("frameEvery", 20),
                Map.entry("evalSamples", 200)));
    }

    private static TrainerRuns.Run train(PointsGanConfig config, Optional<Path> output) {
        return TrainerRuns.train(new PointsGanTrainer(config), output);
    }

    private static int gifFrames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    @Test
    void learnsTowardsTheSineCloudAndAnimatesTraining(@TempDir Path dir) throws IOException {
        TrainerRuns.Run run = train(tiny(1), Optional.of(dir));
        List<EpisodeReport> reports = run.reports();
        double first = reports.get(19).metrics().get(PointsGanTrainer.MMD);
        double last = reports.get(59).metrics().get(PointsGanTrainer.MMD);
        assertTrue(last < first, "MMD to the real points falls: " + first + " -> " + last);
        double fooled = reports.get(59).metrics().get(PointsGanTrainer.FOOLED);
        assertTrue(fooled >= 0 && fooled <= 1);
        assertEquals(3, gifFrames(dir.resolve("training.gif")), "one frame every 20 of 60 epochs");
        assertTrue(Files.isRegularFile(dir.resolve("frames/epoch-00040.png")));
        assertTrue(Files.isRegularFile(dir.resolve("checkpoints/episode-00000060/generator.zip")));

        List<Path> samples = run.model().writeSamples(10, 4, dir.resolve("sampled"));
        List<String> rows = Files.readAllLines(samples.get(0));
        assertEquals("x,y", rows.get(0));
        assertEquals(11, rows.size(), "a header and one point per row");
        assertTrue(Files.size(samples.get(1)) > 0, "the scatter plot is written");
    }

    @Test
    void aRunKilledBeforeItsLastFrameResumesToTheSameLossesAndAWholeAnimation(@TempDir Path dir) throws IOException {
        PointsGanConfig config = TrainerRuns.config(new PointsGanProvider(), Map.ofEntries(
                Map.entry("seed", 5),
                Map.entry("epochs", 6),
                Map.entry("samples", 200),
                Map.entry("noise", 0.1),
                Map.entry("latentSize", 2),
                Map.entry("generatorLayers", List.of(8)),
                Map.entry("discriminatorLayers", List.of(8)),
                Map.entry("learningRate", 1e-3),
                Map.entry("batchSize", 50),
                Map.entry("frameEvery", 2),
                Map.entry("evalSamples", 50)));
        List<EpisodeReport> whole = train(config, Optional.of(dir)).reports();
        assertEquals(6, TrainerRuns.dropNewestCheckpoint(dir));
        Files.delete(dir.resolve("training.gif"));
        List<EpisodeReport> resumed = train(config, Optional.of(dir)).reports();
        assertEquals(whole.subList(4, 6), resumed, "the two epochs after the last checkpoint run again, as they ran before");
        assertEquals(3, gifFrames(dir.resolve("training.gif")), "the animation keeps the frames drawn before the kill");
    }
}
