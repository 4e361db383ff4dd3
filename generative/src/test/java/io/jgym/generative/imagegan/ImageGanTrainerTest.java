package io.jgym.generative.imagegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.TestImages;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.metrics.ImageClassifier;
import io.jgym.generative.mnist.DenseGanConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGanTrainerTest {

    private static DenseGanConfig tiny(long seed, int epochs) {
        return new DenseGanConfig(seed, epochs, 8, List.of(32, 32), List.of(32, 16), 0.3, 1e-3, 1.0, 0.5, 32, 1, 0.1, 64);
    }

    private static List<EpisodeReport> train(DenseGanConfig config, Optional<Path> output) {
        List<EpisodeReport> reports = new ArrayList<>();
        ImageSet heldOut = TestImages.bars(128, 2);
        ClassifierQuality judge = new ClassifierQuality(ImageClassifier.trainOrLoad(TestImages.bars(512, 1),
                output.orElse(Path.of("target")).resolve("classifier-test.zip"), 1), heldOut.pixels());
        new ImageGanTrainer(config, TestImages.bars(512, 1), heldOut, "test", output, Optional.of(judge)).train(new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport report) {
                reports.add(report);
            }
        });
        return reports;
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
        for (String file : List.of("samples/epoch-001.png", "samples/epoch-012.png", "checkpoints/generator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        List<Double> a = train(tiny(5, 2), Optional.empty()).stream().map(r -> r.metrics().get(ImageGanTrainer.DISCRIMINATOR_LOSS)).toList();
        List<Double> b = train(tiny(5, 2), Optional.empty()).stream().map(r -> r.metrics().get(ImageGanTrainer.DISCRIMINATOR_LOSS)).toList();
        assertEquals(a, b);
    }

    private static List<EpisodeReport> trainDcgan(long seed, int epochs, Optional<Path> output) {
        DcganConfig config = new DcganConfig(seed, epochs, 8, List.of(8, 4), List.of(4, 8), 1e-3, 0.5, 32, 0.1, 64);
        List<EpisodeReport> reports = new ArrayList<>();
        new ImageGanTrainer(config, TestImages.bars(256, 1, 3, 16), TestImages.bars(64, 2, 3, 16), "test", output, Optional.empty())
                .train(new TrainingListener() {
                    @Override
                    public void onEpisode(EpisodeReport report) {
                        reports.add(report);
                    }
                });
        return reports;
    }

    @Test
    void aDcganOnColourImagesGetsCloserToHeldOutImagesAndDrawsItsSamples(@TempDir Path dir) {
        List<EpisodeReport> reports = trainDcgan(1, 6, Optional.of(dir));
        reports.forEach(r -> assertTrue(Double.isFinite(r.metrics().get(ImageGanTrainer.GENERATOR_LOSS))
                && Double.isFinite(r.metrics().get(ImageGanTrainer.DISCRIMINATOR_LOSS))));
        double first = reports.get(0).metrics().get(ImageGanTrainer.MMD);
        double last = reports.get(5).metrics().get(ImageGanTrainer.MMD);
        assertTrue(last < first, "MMD to held-out images falls: " + first + " -> " + last);
        for (String file : List.of("samples/epoch-006.png", "checkpoints/generator.zip", "checkpoints/discriminator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theDcganGivesTheSameLossesForTheSameSeed() {
        List<Double> a = trainDcgan(3, 2, Optional.empty()).stream().map(r -> r.metrics().get(ImageGanTrainer.GENERATOR_LOSS)).toList();
        List<Double> b = trainDcgan(3, 2, Optional.empty()).stream().map(r -> r.metrics().get(ImageGanTrainer.GENERATOR_LOSS)).toList();
        assertEquals(a, b);
    }
}
