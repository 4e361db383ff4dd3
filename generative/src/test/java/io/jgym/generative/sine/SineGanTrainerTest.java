package io.jgym.generative.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.gan.RowMajor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SineGanTrainerTest {

    /** Small data and networks: 40 waves of 64 points, 40 epochs, scored every 10. */
    private static SineGanConfig tiny(long seed) {
        return new SineGanConfig(seed, 40, 40, 64, List.of(1.0, 3.0), List.of(1.0, 5.0), 0.05, 1, List.of(32, 32),
                List.of(32, 16), 0.2, 1e-3, 1.0, 0.5, 20, 2, 0.0, 2.0, 10, 40);
    }

    private static List<EpisodeReport> train(SineGanConfig config, Optional<Path> output) {
        List<EpisodeReport> reports = new ArrayList<>();
        new SineGanTrainer(config, "test", output).train(new TrainingListener() {
            @Override
            public void onEpisode(EpisodeReport report) {
                reports.add(report);
            }
        });
        return reports;
    }

    @Test
    void trainsWritesSnapshotsAndModelsAndGetsCloserToTheData(@TempDir Path dir) {
        List<EpisodeReport> reports = train(tiny(1), Optional.of(dir));
        assertEquals(40, reports.size());
        for (EpisodeReport r : reports) {
            assertTrue(Double.isFinite(r.metrics().get(SineGanTrainer.DISCRIMINATOR_LOSS)));
            assertTrue(Double.isFinite(r.metrics().get(SineGanTrainer.GENERATOR_LOSS)));
        }
        double firstMmd = reports.get(9).metrics().get(SineGanTrainer.MMD);
        double lastMmd = reports.get(39).metrics().get(SineGanTrainer.MMD);
        assertTrue(lastMmd < firstMmd, "MMD to the real waves falls: " + firstMmd + " -> " + lastMmd);
        assertTrue(Double.isNaN(reports.get(5).metrics().get(SineGanTrainer.MMD)), "scored only every --trace epochs");
        for (String file : List.of("snapshots/epoch-00010.png", "snapshots/epoch-00040.png",
                "checkpoints/generator.zip", "checkpoints/discriminator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theGeneratorEndsInTheFixedLowPassFilterAndTrainingLeavesItAlone() {
        SineGanConfig config = tiny(2).with(2, 5);
        SineGanTrainer trainer = new SineGanTrainer(config, "test", Optional.empty());
        trainer.train(new TrainingListener() {
        });
        MultiLayerNetwork generator = trainer.generator();
        float[] filter = RowMajor.floats(generator.getLayer(generator.getnLayers() - 1).getParam("W"));
        assertArrayEquals(new LowPassFilter(config.points(), config.smoothing()).matrix(), filter);
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        SineGanConfig config = tiny(4).with(4, 8);
        List<Double> first = train(config, Optional.empty()).stream().map(r -> r.metrics().get(SineGanTrainer.GENERATOR_LOSS)).toList();
        List<Double> second = train(config, Optional.empty()).stream().map(r -> r.metrics().get(SineGanTrainer.GENERATOR_LOSS)).toList();
        assertEquals(first, second);
    }
}
