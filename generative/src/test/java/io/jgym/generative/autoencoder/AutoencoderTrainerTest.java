package io.jgym.generative.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.generative.TrainerRuns;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.MeanImage;
import io.jgym.generative.data.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class AutoencoderTrainerTest {

    private static TrainerRuns.Run train(long seed, int epochs, Optional<Path> output) {
        AutoencoderConfig config = TrainerRuns.config(new DenseAeProvider(), Map.ofEntries(
                Map.entry("seed", seed),
                Map.entry("maxImages", 0),
                Map.entry("epochs", epochs),
                Map.entry("encoderLayers", List.of(32, 8)),
                Map.entry("codeSize", 2),
                Map.entry("learningRate", 3e-3),
                Map.entry("batchSize", 32),
                Map.entry("evalImages", 100)));
        return TrainerRuns.train(new AutoencoderTrainer(config, TestImages.bars(512, 1), TestImages.bars(128, 2)), output);
    }

    @Test
    void lossesFallAndThePicturesAndModelAreWritten(@TempDir Path dir) throws IOException {
        TrainerRuns.Run run = train(1, 8, Optional.of(dir));
        List<EpisodeReport> reports = run.reports();
        double firstTrain = reports.get(0).metrics().get(AutoencoderTrainer.TRAIN_LOSS);
        double lastTrain = reports.get(7).metrics().get(AutoencoderTrainer.TRAIN_LOSS);
        double firstHeldOut = reports.get(0).metrics().get(AutoencoderTrainer.HELD_OUT_LOSS);
        double lastHeldOut = reports.get(7).metrics().get(AutoencoderTrainer.HELD_OUT_LOSS);
        assertTrue(lastTrain < firstTrain, firstTrain + " -> " + lastTrain);
        double baseline = MeanImage.heldOutBce(TestImages.bars(512, 1), TestImages.bars(128, 2).first(100));
        assertTrue(lastHeldOut < 0.8 * baseline, "held-out BCE " + firstHeldOut + " -> " + lastHeldOut + ", mean image " + baseline);
        for (String file : List.of("reconstructions.png", "codes.png", "decoded.png", "checkpoints/episode-00000008/autoencoder.zip",
                "checkpoints/episode-00000008/codes.properties")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        List<Path> samples = run.model().writeSamples(16, 5, dir.resolve("sampled"));
        assertEquals(List.of(dir.resolve("sampled/samples-seed5.png")), samples);
        assertTrue(Files.size(samples.get(0)) > 0);
    }

    @Test
    void theConvolutionalAutoencoderTrainsOn28x28Images(@TempDir Path dir) {
        ConvAutoencoderConfig config = new ConvAutoencoderConfig(2, "unused: images given", 0, 3, 2, 3e-3, 32, 64);
        List<EpisodeReport> reports = TrainerRuns.reports(new AutoencoderTrainer(config, TestImages.bars(256, 1, 1, 28),
                TestImages.bars(64, 2, 1, 28)), Optional.of(dir));
        double last = reports.get(2).metrics().get(AutoencoderTrainer.HELD_OUT_LOSS);
        // A 2-D code of bars at 24 places stays near the mean image within 3 epochs, so the baseline
        // here is the untrained network (the dense autoencoder above must beat the mean image).
        ImageSet heldOut = TestImages.bars(64, 2, 1, 28);
        INDArray images = Nd4j.create(heldOut.pixels(), new long[] {heldOut.count(), heldOut.size()}, 'c');
        double untrained = AutoencoderNetworks.build(config, 28, 28).network()
                .score(new DataSet(images, images.reshape('c', heldOut.count(), 1, 28, 28)));
        assertTrue(last < 0.5 * untrained, "held-out BCE " + last + ", untrained network " + untrained);
        for (String file : List.of("reconstructions.png", "codes.png", "decoded.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theConvolutionalAutoencoderRefusesImagesOtherThan28x28() {
        ConvAutoencoderConfig config = new ConvAutoencoderConfig(2, "unused: images given", 0, 1, 2, 3e-3, 32, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AutoencoderTrainer(config, TestImages.bars(64, 1), TestImages.bars(64, 2)));
        assertTrue(e.getMessage().contains("28x28"), e.getMessage());
    }
}
