package io.jgym.generative.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.metrics.ImageClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenseGanTrainerTest {

    /** 10x10 images of one bright horizontal (label 0) or vertical (label 1) bar at a random place. */
    static ImageSet bars(int count, long seed) {
        return bars(count, seed, 10);
    }

    /** {@code side} x {@code side} images of one horizontal (label 0) or vertical (label 1) bar. */
    static ImageSet bars(int count, long seed, int side) {
        Random random = new Random(seed);
        float[] pixels = new float[count * side * side];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = n % 2;
            int at = 2 + random.nextInt(side - 4);
            for (int i = 0; i < side; i++) {
                int y = labels[n] == 0 ? at : i;
                int x = labels[n] == 0 ? i : at;
                pixels[n * side * side + y * side + x] = 1f;
            }
        }
        return new ImageSet(count, 1, side, side, pixels, labels);
    }

    private static DenseGanConfig tiny(long seed, int epochs) {
        return new DenseGanConfig(seed, epochs, 8, List.of(32, 32), List.of(32, 16), 0.3, 1e-3, 1.0, 0.5, 32, 1, 0.1, 64);
    }

    private static List<EpisodeReport> train(DenseGanConfig config, Optional<Path> output) {
        List<EpisodeReport> reports = new ArrayList<>();
        ImageSet heldOut = bars(128, 2);
        ClassifierQuality judge = new ClassifierQuality(ImageClassifier.trainOrLoad(bars(512, 1),
                output.orElse(Path.of("target")).resolve("classifier-test.zip"), 1), heldOut.pixels());
        new DenseGanTrainer(config, bars(512, 1), heldOut, "test", output, Optional.of(judge)).train(new TrainingListener() {
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
        reports.forEach(r -> assertTrue(Double.isFinite(r.metrics().get(DenseGanTrainer.GENERATOR_LOSS))));
        double first = reports.get(0).metrics().get(DenseGanTrainer.MMD);
        double last = reports.get(11).metrics().get(DenseGanTrainer.MMD);
        assertTrue(last < first, "MMD to held-out images falls: " + first + " -> " + last);
        double classes = reports.get(11).metrics().get(DenseGanTrainer.CLASSES_COVERED);
        assertTrue(classes >= 0 && classes <= 2, "two classes of bars: " + classes);
        assertTrue(Double.isFinite(reports.get(11).metrics().get(DenseGanTrainer.FRECHET)));
        assertEquals(1.0, reports.get(11).metrics().get(DenseGanTrainer.classShare(0))
                + reports.get(11).metrics().get(DenseGanTrainer.classShare(1)), 1e-9, "every image gets one class");
        assertTrue(reports.get(11).metrics().get(DenseGanTrainer.CLASSIFIER_SCORE) >= 1.0);
        assertTrue(Files.isRegularFile(dir.resolve("classifier-test.zip")), "the classifier is cached");
        for (String file : List.of("samples/epoch-001.png", "samples/epoch-012.png", "checkpoints/generator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        List<Double> a = train(tiny(5, 2), Optional.empty()).stream().map(r -> r.metrics().get(DenseGanTrainer.DISCRIMINATOR_LOSS)).toList();
        List<Double> b = train(tiny(5, 2), Optional.empty()).stream().map(r -> r.metrics().get(DenseGanTrainer.DISCRIMINATOR_LOSS)).toList();
        assertEquals(a, b);
    }
}
