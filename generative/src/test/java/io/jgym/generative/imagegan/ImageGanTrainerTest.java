package io.jgym.generative.imagegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.generative.TrainerRuns;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.RowMajor;
import io.jgym.generative.data.TestImages;
import io.jgym.generative.metrics.Mmd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ImageGanTrainerTest {

    private static DenseGanConfig tiny(long seed, int epochs) {
        return TrainerRuns.config(new DenseGanProvider(), Map.ofEntries(
                Map.entry("seed", seed),
                Map.entry("maxImages", 0),
                Map.entry("epochs", epochs),
                Map.entry("latentSize", 8),
                Map.entry("generatorLayers", List.of(32, 32)),
                Map.entry("discriminatorLayers", List.of(32, 16)),
                Map.entry("dropout", 0.3),
                Map.entry("learningRate", 1e-3),
                Map.entry("learningRateDecay", 1.0),
                Map.entry("beta1", 0.5),
                Map.entry("batchSize", 32),
                Map.entry("pack", 1),
                Map.entry("labelSmoothing", 0.1),
                Map.entry("evalSamples", 64)));
    }

    /** The baseline a trained generator must beat: MMD to the held-out images of the untrained generator's samples. */
    private static double untrainedMmd(ImageGanConfig config, ImageSet train, ImageSet heldOut) {
        MultiLayerNetwork generator = config.generator(train.channels(), train.height(), train.width(), 1);
        Nd4j.getRandom().setSeed(config.seed());
        float[] samples = RowMajor.floats(generator.output(Nd4j.randn(DataType.FLOAT, config.evalSamples(), config.latentSize()), false));
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (samples[i] + 1) / 2;
        }
        return new Mmd(heldOut.first(config.evalSamples()).pixels(), train.size()).of(samples);
    }

    private static TrainerRuns.Run train(DenseGanConfig config, Optional<Path> output) {
        ImageSet heldOut = TestImages.bars(128, 2);
        return TrainerRuns.train(new ImageGanTrainer(config, TestImages.bars(512, 1), heldOut, Optional.of("bars")), output);
    }

    @Test
    void trainsWritesSampleGridsAndModelsAndGetsCloserToHeldOutImages(@TempDir Path dir) throws IOException {
        TrainerRuns.Run run = train(tiny(1, 12), Optional.of(dir));
        List<EpisodeReport> reports = run.reports();
        assertEquals(12, reports.size());
        reports.forEach(r -> assertTrue(Double.isFinite(r.metrics().get(ImageGanTrainer.GENERATOR_LOSS))));
        double untrained = untrainedMmd(tiny(1, 12), TestImages.bars(512, 1), TestImages.bars(128, 2));
        double last = reports.get(11).metrics().get(ImageGanTrainer.MMD);
        assertTrue(last < 0.75 * untrained, "MMD to held-out images: untrained generator " + untrained + ", trained " + last);
        double classes = reports.get(11).metrics().get(ImageGanTrainer.CLASSES_COVERED);
        assertTrue(classes >= 0 && classes <= 2, "two classes of bars: " + classes);
        assertTrue(Double.isFinite(reports.get(11).metrics().get(ImageGanTrainer.FRECHET)));
        assertEquals(1.0, reports.get(11).metrics().get(ImageGanTrainer.classShare(0))
                + reports.get(11).metrics().get(ImageGanTrainer.classShare(1)), 1e-9, "every image gets one class");
        assertTrue(reports.get(11).metrics().get(ImageGanTrainer.CLASSIFIER_SCORE) >= 1.0);
        assertTrue(Files.isRegularFile(dir.resolve(".cache/classifiers/bars-512.zip")), "the classifier is cached");
        for (String file : List.of("samples/epoch-001.png", "samples/epoch-012.png", "checkpoints/episode-00000012/generator.zip",
                "checkpoints/episode-00000012/discriminator.zip", "checkpoints/episode-00000011/generator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        List<Path> samples = run.model().writeSamples(16, 2, dir.resolve("sampled"));
        assertEquals(List.of(dir.resolve("sampled/samples-seed2.png")), samples);
        assertTrue(Files.size(samples.get(0)) > 0);
    }

    @Test
    void aDcganOnColourImagesGetsCloserToHeldOutImagesAndDrawsItsSamples(@TempDir Path dir) {
        DcganConfig config = new DcganConfig(1, null, 16, 64, 0, 12, 8, List.of(16, 8), List.of(8, 16), 2e-3, 2e-3, 0.5, 32, 1, 0, false, 0.1, 64, 0);
        List<EpisodeReport> reports = TrainerRuns.reports(new ImageGanTrainer(config, TestImages.bars(256, 1, 3, 16),
                TestImages.bars(64, 2, 3, 16), Optional.empty()), Optional.of(dir));
        reports.forEach(r -> assertTrue(Double.isFinite(r.metrics().get(ImageGanTrainer.GENERATOR_LOSS))
                && Double.isFinite(r.metrics().get(ImageGanTrainer.DISCRIMINATOR_LOSS))));
        double untrained = untrainedMmd(config, TestImages.bars(256, 1, 3, 16), TestImages.bars(64, 2, 3, 16));
        double last = reports.get(11).metrics().get(ImageGanTrainer.MMD);
        assertTrue(last < 0.8 * untrained, "MMD to held-out images: untrained generator " + untrained + ", trained " + last);
        for (String file : List.of("samples/epoch-012.png", "checkpoints/episode-00000012/generator.zip",
                "checkpoints/episode-00000012/discriminator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }
}
