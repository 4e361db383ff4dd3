package io.jgym.generative.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeTrainerTest {

    private static List<EpisodeReport> train(long seed, int epochs, Optional<Path> output) {
        AutoencoderConfig config = new AutoencoderConfig(seed, epochs, List.of(32), 2, 3e-3, 32, 100);
        List<EpisodeReport> reports = new ArrayList<>();
        new VaeTrainer(config, DenseGanTrainerTest.bars(512, 1), DenseGanTrainerTest.bars(128, 2), "test", output)
                .train(new TrainingListener() {
                    @Override
                    public void onEpisode(EpisodeReport report) {
                        reports.add(report);
                    }
                });
        return reports;
    }

    @Test
    void theElboImprovesOnHeldOutImagesAndThePicturesAreWritten(@TempDir Path dir) {
        List<EpisodeReport> reports = train(1, 8, Optional.of(dir));
        double first = reports.get(0).metrics().get(VaeTrainer.HELD_OUT_NEG_ELBO);
        double last = reports.get(7).metrics().get(VaeTrainer.HELD_OUT_NEG_ELBO);
        assertTrue(last < first, "held-out negative ELBO falls: " + first + " -> " + last);
        double reconstruction = reports.get(7).metrics().get(VaeTrainer.HELD_OUT_RECONSTRUCTION);
        assertTrue(reconstruction > 0 && reconstruction < last, "reconstruction is part of the negative ELBO: "
                + reconstruction + " vs " + last);
        for (String file : List.of("samples.png", "codes.png", "decoded.png", "checkpoints/vae.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        List<Double> a = train(4, 2, Optional.empty()).stream().map(r -> r.metrics().get(VaeTrainer.TRAIN_NEG_ELBO)).toList();
        List<Double> b = train(4, 2, Optional.empty()).stream().map(r -> r.metrics().get(VaeTrainer.TRAIN_NEG_ELBO)).toList();
        assertEquals(a, b);
    }
}
