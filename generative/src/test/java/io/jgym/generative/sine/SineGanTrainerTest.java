package io.jgym.generative.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Target;
import io.jgym.contracts.training.Trained;
import io.jgym.generative.TrainerRuns;
import io.jgym.generative.data.RowMajor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return TrainerRuns.config(new SineGanProvider(), Map.ofEntries(
                Map.entry("seed", seed),
                Map.entry("epochs", epochs),
                Map.entry("waves", 40),
                Map.entry("points", 64),
                Map.entry("amplitudes", List.of(1.0, 3.0)),
                Map.entry("frequencies", List.of(1.0, 5.0)),
                Map.entry("noise", 0.05),
                Map.entry("latentSize", 1),
                Map.entry("generatorLayers", List.of(32, 32)),
                Map.entry("discriminatorLayers", List.of(32, 16)),
                Map.entry("dropout", 0.2),
                Map.entry("learningRate", 1e-3),
                Map.entry("learningRateDecay", 1.0),
                Map.entry("beta1", 0.5),
                Map.entry("batchSize", 20),
                Map.entry("pack", 2),
                Map.entry("labelSmoothing", 0.0),
                Map.entry("smoothing", 2.0),
                Map.entry("trace", trace),
                Map.entry("evalSamples", 40)));
    }

    /** The baseline a trained generator must beat: the MMD to the real waves of the untrained generator's, as the trainer scores them. */
    private static double untrainedMmd(SineGanConfig config) {
        float[] generated = RowMajor.floats(config.generator(config.filter())
                .output(WaveSampler.noise(config.evalSamples(), config.latentSize(), config.seed() + 7), false));
        return new WaveQuality(config, SineWaves.generate(config, config.seed())).score(generated).mmd();
    }

    private static TrainerRuns.Run train(SineGanConfig config, Optional<Path> output) {
        return TrainerRuns.train(new SineGanTrainer(config), output);
    }

    /**
     * The default networks and schedule on shorter waves (64 points, the low-pass filter scaled with
     * them) for 3,000 updates: the generator draws both modes, each at least a quarter of its waves by
     * shape, and sits at less than half the untrained generator's MMD to the real waves. Collapsing to
     * one mode, the usual failure, fails the first; not learning fails the second.
     */
    @Test
    void coversBothModesOnASmallConfigurationAndBeatsTheUntrainedGenerator() {
        SineGanConfig config = TrainerRuns.config(new SineGanProvider(), Map.of("seed", 2L, "points", 64, "smoothing", 0.5,
                "epochs", 600, "trace", 600));
        EpisodeReport last = train(config, Optional.empty()).reports().get(599);
        double untrained = untrainedMmd(config);
        double mmd = last.metrics().get(SineGanTrainer.MMD);
        assertTrue(mmd < 0.5 * untrained, "MMD to the real waves: untrained generator " + untrained + ", trained " + mmd);
        for (int k = 0; k < 2; k++) {
            double share = last.metrics().get(SineGanTrainer.shapeShare(k));
            assertTrue(share >= 0.25, "mode " + k + "'s share of the waves by shape: " + share + " (" + last.metrics() + ")");
        }
    }

    @Test
    void trainsWritesSnapshotsAndModels(@TempDir Path dir) {
        TrainerRuns.Run run = train(tiny(1), Optional.of(dir));
        List<EpisodeReport> reports = run.reports();
        assertEquals(40, reports.size());
        assertEquals(Trained.Outcome.FINISHED, run.trained().outcome());
        for (EpisodeReport r : reports) {
            assertTrue(Double.isFinite(r.metrics().get(SineGanTrainer.DISCRIMINATOR_LOSS)));
            assertTrue(Double.isFinite(r.metrics().get(SineGanTrainer.GENERATOR_LOSS)));
        }
        assertTrue(Double.isFinite(reports.get(39).metrics().get(SineGanTrainer.MMD)));
        assertFalse(reports.get(5).metrics().containsKey(SineGanTrainer.MMD), "scored only every --trace epochs");
        double covered = reports.get(39).metrics().get(SineGanTrainer.MODES_COVERED);
        assertTrue(covered >= 0 && covered <= 2, "modes covered: " + covered);
        for (String file : List.of("snapshots/epoch-00010.png", "snapshots/epoch-00040.png",
                "checkpoints/episode-00000040/generator.zip", "checkpoints/episode-00000030/discriminator.zip")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
    }

    @Test
    void theGeneratorEndsInTheFixedLowPassFilterAndTrainingLeavesItAlone() {
        SineGanConfig config = tiny(2, 5, 10);
        MultiLayerNetwork generator = ((WaveSampler) train(config, Optional.empty()).model()).generator();
        float[] filter = RowMajor.floats(generator.getLayer(generator.getnLayers() - 1).getParam("W"));
        assertArrayEquals(new LowPassFilter(config.points(), config.smoothing()).matrix(), filter);
    }

    @Test
    void theSamplerWritesOneWavePerCsvRowAndAPlot(@TempDir Path dir) throws IOException {
        SineGanConfig config = tiny(3, 2, 10);
        List<Path> files = train(config, Optional.empty()).model().writeSamples(5, 9, dir);
        assertEquals(List.of(dir.resolve("samples-seed9.csv"), dir.resolve("samples-seed9.png")), files);
        List<String> rows = Files.readAllLines(dir.resolve("samples-seed9.csv"));
        assertEquals(5, rows.size());
        assertEquals(config.points(), rows.get(0).split(",").length);
        assertTrue(Files.size(dir.resolve("samples-seed9.png")) > 0);
    }

    @Test
    void bothModesAreCoveredOnlyWhenAlmostEveryWaveIsValidAndEachModeHasAFairShare() {
        assertEquals(2, SineGanTrainer.modesCovered(new WaveQuality.Scores(0.95, new double[] {0.3, 0.7}, new double[2], 0)));
        assertEquals(1, SineGanTrainer.modesCovered(new WaveQuality.Scores(0.95, new double[] {0.2, 0.8}, new double[2], 0)));
        assertEquals(0, SineGanTrainer.modesCovered(new WaveQuality.Scores(0.85, new double[] {0.5, 0.5}, new double[2], 0)));
        assertEquals(List.of(new Target(SineGanTrainer.MODES_COVERED, 2)), new SineGanProvider().targets(SineGanConfig.defaults()));
    }
}
