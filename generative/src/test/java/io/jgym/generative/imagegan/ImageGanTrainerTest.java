package io.jgym.generative.imagegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.generative.TrainerRuns;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.TestImages;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.metrics.ImageClassifier;
import io.jgym.generative.imagegan.DenseGanConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGanTrainerTest {

    private static DenseGanConfig tiny(long seed, int epochs) {
        return new DenseGanConfig(seed, epochs, 8, List.of(32, 32), List.of(32, 16), 0.3, 1e-3, 1.0, 0.5, 32, 1, 0.1, 64);
    }

    private static List<EpisodeReport> train(DenseGanConfig config, Optional<Path> output) {
        ImageSet heldOut = TestImages.bars(128, 2);
        ClassifierQuality judge = new ClassifierQuality(ImageClassifier.trainOrLoad(TestImages.bars(512, 1),
                output.orElse(Path.of("target")).resolve("classifier-test.zip"), 1), heldOut.pixels());
        return TrainerRuns.reports(new ImageGanTrainer(config, TestImages.bars(512, 1), heldOut, "test", output, Optional.of(judge)));
    }

    @Test
    void trainsWritesSampleGridsAndModelsAndGetsCloserToHeldOutImages(@TempDir Path dir) {
        List<EpisodeReport> reports = train(tiny(1, 12), Optional.of(dir));
        assertEquals(12, reports.size());
        reports.forEach(r -> assertTrue(Double.isFinite(r.metrics().get(ImageGanTrainer.GENERATOR_LOSS))));
        double first = reports.get(0).metrics().get(ImageGanTrainer.MMD);
        double last = reports.get(11).metrics().get(ImageGanTrainer.MMD);
        assertTrue(last < first, "MMD to held-out images falls: " + first + " -> " + last);
        double classes = reports.get(11).metrics().get(ImageGanTrainer.CLASSES_COVERED);
        assertTrue(classes >= 0 && classes <= 2, "two classes of bars: " + classes);
        assertTrue(Double.isFinite(reports.get(11).metrics().get(ImageGanTrainer.FRECHET)));
        assertEquals(1.0, reports.get(11).metrics().get(ImageGanTrainer.classShare(0))
                + reports.get(11).metrics().get(ImageGanTrainer.classShare(1)), 1e-9, "every image gets one class");
        assertTrue(reports.get(11).metrics().get(ImageGanTrainer.CLASSIFIER_SCORE) >= 1.0);
        assertTrue(Files.isRegularFile(dir.resolve("classifier-test.zip")), "the classifier is cached");
        for (String file : List.of("samples/epoch-001.png", "samples/epoch-012.png", "checkpoints/epoch-0012/generator.zip",
                "checkpoints/epoch-0012/discriminator.zip", "checkpoints/epoch-0011/generator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        List<Double> a = TrainerRuns.metric(train(tiny(5, 2), Optional.empty()), ImageGanTrainer.DISCRIMINATOR_LOSS);
        List<Double> b = TrainerRuns.metric(train(tiny(5, 2), Optional.empty()), ImageGanTrainer.DISCRIMINATOR_LOSS);
        assertEquals(a, b);
    }

    @Test
    void aRunKilledBeforeItsLastCheckpointResumesToTheSameLossesAndScores(@TempDir Path dir) throws IOException {
        List<EpisodeReport> whole = train(tiny(6, 4), Optional.of(dir));
        assertEquals(4, TrainerRuns.dropNewestCheckpoint(dir));
        List<EpisodeReport> resumed = train(tiny(6, 4), Optional.of(dir));
        assertEquals(1, resumed.size(), "only the epoch after the last checkpoint runs again");
        for (String metric : List.of(ImageGanTrainer.DISCRIMINATOR_LOSS, ImageGanTrainer.GENERATOR_LOSS, ImageGanTrainer.MMD,
                ImageGanTrainer.FRECHET)) {
            assertEquals(TrainerRuns.metric(whole.subList(3, 4), metric), TrainerRuns.metric(resumed, metric), metric);
        }
    }

    private static List<EpisodeReport> trainDcgan(long seed, int epochs, Optional<Path> output) {
        DcganConfig config = new DcganConfig(seed, epochs, 8, List.of(8, 4), List.of(4, 8), 1e-3, 0.5, 32, 0.1, 64);
        return TrainerRuns.reports(new ImageGanTrainer(config, TestImages.bars(256, 1, 3, 16), TestImages.bars(64, 2, 3, 16), "test",
                output, Optional.empty()));
    }

    @Test
    void aDcganOnColourImagesGetsCloserToHeldOutImagesAndDrawsItsSamples(@TempDir Path dir) {
        List<EpisodeReport> reports = trainDcgan(1, 6, Optional.of(dir));
        reports.forEach(r -> assertTrue(Double.isFinite(r.metrics().get(ImageGanTrainer.GENERATOR_LOSS))
                && Double.isFinite(r.metrics().get(ImageGanTrainer.DISCRIMINATOR_LOSS))));
        double first = reports.get(0).metrics().get(ImageGanTrainer.MMD);
        double last = reports.get(5).metrics().get(ImageGanTrainer.MMD);
        assertTrue(last < first, "MMD to held-out images falls: " + first + " -> " + last);
        for (String file : List.of("samples/epoch-006.png", "checkpoints/epoch-0006/generator.zip", "checkpoints/epoch-0006/discriminator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theDcganGivesTheSameLossesForTheSameSeed() {
        List<Double> a = TrainerRuns.metric(trainDcgan(3, 2, Optional.empty()), ImageGanTrainer.GENERATOR_LOSS);
        List<Double> b = TrainerRuns.metric(trainDcgan(3, 2, Optional.empty()), ImageGanTrainer.GENERATOR_LOSS);
        assertEquals(a, b);
    }
}
