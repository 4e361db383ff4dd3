package io.jgym.generative.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.generative.TrainerRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        PointsGanConfig config = new PointsGanConfig(5, 6, 200, 0.1, 2, List.of(8), List.of(8), 1e-3, 50, 2, 50);
        List<EpisodeReport> whole = train(config, Optional.of(dir)).reports();
        assertEquals(6, TrainerRuns.dropNewestCheckpoint(dir));
        Files.delete(dir.resolve("training.gif"));
        List<EpisodeReport> resumed = train(config, Optional.of(dir)).reports();
        assertEquals(whole.subList(4, 6), resumed, "the two epochs after the last checkpoint run again, as they ran before");
        assertEquals(3, gifFrames(dir.resolve("training.gif")), "the animation keeps the frames drawn before the kill");
    }
}
