package io.jgym.generative.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.generative.TrainerRuns;
import io.jgym.generative.data.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoencoderTrainerTest {

    private static List<EpisodeReport> train(long seed, int epochs, Optional<Path> output) {
        AutoencoderConfig config = new AutoencoderConfig(seed, epochs, List.of(32, 8), 2, 3e-3, 32, 100);
        return TrainerRuns.reports(new AutoencoderTrainer(config, AutoencoderNetworks.Architecture.DENSE, TestImages.bars(512, 1),
                TestImages.bars(128, 2), "test", output));
    }

    @Test
    void lossesFallAndThePicturesAndModelAreWritten(@TempDir Path dir) {
        List<EpisodeReport> reports = train(1, 8, Optional.of(dir));
        double firstTrain = reports.get(0).metrics().get(AutoencoderTrainer.TRAIN_LOSS);
        double lastTrain = reports.get(7).metrics().get(AutoencoderTrainer.TRAIN_LOSS);
        double firstHeldOut = reports.get(0).metrics().get(AutoencoderTrainer.HELD_OUT_LOSS);
        double lastHeldOut = reports.get(7).metrics().get(AutoencoderTrainer.HELD_OUT_LOSS);
        assertTrue(lastTrain < firstTrain, firstTrain + " -> " + lastTrain);
        assertTrue(lastHeldOut < firstHeldOut, firstHeldOut + " -> " + lastHeldOut);
        for (String file : List.of("reconstructions.png", "codes.png", "decoded.png", "checkpoints/epoch-0008/autoencoder.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        List<Double> a = TrainerRuns.metric(train(4, 2, Optional.empty()), AutoencoderTrainer.HELD_OUT_LOSS);
        List<Double> b = TrainerRuns.metric(train(4, 2, Optional.empty()), AutoencoderTrainer.HELD_OUT_LOSS);
        assertEquals(a, b);
    }

    @Test
    void aRunKilledBeforeItsLastCheckpointResumesToTheSameLosses(@TempDir Path dir) throws IOException {
        List<EpisodeReport> whole = train(5, 3, Optional.of(dir));
        assertEquals(3, TrainerRuns.dropNewestCheckpoint(dir));
        assertEquals(whole.subList(2, 3), train(5, 3, Optional.of(dir)), "the last epoch runs again, as it ran before");
    }

    @Test
    void theConvolutionalAutoencoderTrainsOn28x28Images(@TempDir Path dir) {
        AutoencoderConfig config = new AutoencoderConfig(2, 3, List.of(), 2, 3e-3, 32, 64);
        List<EpisodeReport> reports = TrainerRuns.reports(new AutoencoderTrainer(config, AutoencoderNetworks.Architecture.CONV,
                TestImages.bars(256, 1, 1, 28), TestImages.bars(64, 2, 1, 28), "test", Optional.of(dir)));
        double first = reports.get(0).metrics().get(AutoencoderTrainer.HELD_OUT_LOSS);
        double last = reports.get(2).metrics().get(AutoencoderTrainer.HELD_OUT_LOSS);
        assertTrue(last < first, first + " -> " + last);
        for (String file : List.of("reconstructions.png", "codes.png", "decoded.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }
}
