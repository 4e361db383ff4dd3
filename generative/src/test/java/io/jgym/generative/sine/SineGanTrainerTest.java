package io.jgym.generative.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.TrainerRuns;
import io.jgym.generative.data.RowMajor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SineGanTrainerTest {

    /** Small data and networks: 40 waves of 64 points, 40 epochs, scored every 10. */
    private static SineGanConfig tiny(long seed) {
        return tiny(seed, 40, 10);
    }

    private static SineGanConfig tiny(long seed, int epochs, int trace) {
        return new SineGanConfig(seed, epochs, 40, 64, List.of(1.0, 3.0), List.of(1.0, 5.0), 0.05, 1, List.of(32, 32),
                List.of(32, 16), 0.2, 1e-3, 1.0, 0.5, 20, 2, 0.0, 2.0, trace, 40);
    }

    private static List<EpisodeReport> train(SineGanConfig config, Optional<Path> output) {
        return TrainerRuns.reports(new SineGanTrainer(config, "test", output));
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
                "checkpoints/epoch-0040/generator.zip", "checkpoints/epoch-0030/discriminator.zip")) {
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
        List<Double> first = TrainerRuns.metric(train(config, Optional.empty()), SineGanTrainer.GENERATOR_LOSS);
        List<Double> second = TrainerRuns.metric(train(config, Optional.empty()), SineGanTrainer.GENERATOR_LOSS);
        assertEquals(first, second);
    }

    @Test
    void aRunKilledBeforeItsLastSnapshotResumesToTheSameLossesAndScores(@TempDir Path dir) throws IOException {
        SineGanConfig config = tiny(5, 6, 3);
        List<EpisodeReport> whole = train(config, Optional.of(dir));
        assertEquals(6, TrainerRuns.dropNewestCheckpoint(dir));
        List<EpisodeReport> resumed = train(config, Optional.of(dir));
        assertEquals(3, resumed.size(), "the epochs after the last snapshot run again");
        for (String metric : List.of(SineGanTrainer.DISCRIMINATOR_LOSS, SineGanTrainer.GENERATOR_LOSS, SineGanTrainer.MMD,
                SineGanTrainer.VALID_SHARE)) {
            assertEquals(TrainerRuns.metric(whole.subList(3, 6), metric), TrainerRuns.metric(resumed, metric), metric);
        }
    }
}
