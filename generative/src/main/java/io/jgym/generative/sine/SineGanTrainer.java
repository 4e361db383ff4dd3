package io.jgym.generative.sine;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.data.RowMajor;
import io.jgym.generative.gan.AdversarialStep;
import io.jgym.generative.gan.GanCheckpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code sine-gan}: trains a dense GAN on the two-mode sine-wave family; with {@code smoothing > 0}
 * the generator ends in a fixed {@link LowPassFilter} and the discriminator sees the training waves
 * through the same filter. Every epoch (one pass over the shuffled waves) reports the mean
 * discriminator and generator losses; every {@code trace} epochs (and the last) it also scores
 * {@code evalSamples} generated waves from a fixed latent set (share that fit a mode, each mode's
 * share, the modes covered, MMD to the real waves), writes {@code snapshots/epoch-NNNNN.png} (a grid
 * of 12 generated waves) when the run has a folder, and checkpoints both networks. A stop between
 * those checkpoints saves one for the last whole epoch; a run with a checkpoint continues after it.
 */
public final class SineGanTrainer implements Trainer<Sampler> {
    public static final String DISCRIMINATOR_LOSS = "losses/discriminator";
    public static final String GENERATOR_LOSS = "losses/generator";
    public static final String VALID_SHARE = "quality/valid_share";
    public static final String MMD = "quality/mmd";
    public static final String MODES_COVERED = "quality/modes_covered";
    public static final String SECONDS = "charts/epoch_seconds";
    /** A wave set covers both (all K) modes when at least this share of it fits a mode... */
    static final double MIN_VALID = 0.9;
    /** ...and each mode holds at least this share of an even split (1/K) of the valid waves. */
    static final double MIN_FAIR_SHARE = 0.5;

    private final SineGanConfig config;

    public SineGanTrainer(SineGanConfig config) {
        this.config = config;
    }

    /** Name of the metric holding mode {@code k}'s share of the valid waves. */
    public static String modeShare(int k) {
        return "quality/mode_" + k + "_share";
    }

    /** Name of the metric holding mode {@code k}'s share of all waves, judged by shape (amplitude) only. */
    public static String shapeShare(int k) {
        return "quality/shape_mode_" + k + "_share";
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>(List.of(
                Metric.loss(DISCRIMINATOR_LOSS, "D loss", "%.3f"),
                Metric.loss(GENERATOR_LOSS, "G loss", "%.3f"),
                Metric.higher(VALID_SHARE, "valid", "%.2f"),
                Metric.info(modeShare(0), "mode 0", "%.2f"),
                Metric.lower(MMD, "MMD", "%.3f"),
                Metric.higher(MODES_COVERED, "modes", "%.0f").hidden(),
                Metric.timing(SECONDS, "s/epoch", "%.2f").hidden()));
        for (int k = 0; k < config.amplitudes().size(); k++) {
            if (k > 0) {
                metrics.add(Metric.info(modeShare(k), "mode " + k, "%.2f").hidden());
            }
            metrics.add(Metric.info(shapeShare(k), "shape " + k, "%.2f").hidden());
        }
        return metrics;
    }

    /** Modes holding a fair share of valid waves, counted only when almost all waves are valid. */
    static int modesCovered(WaveQuality.Scores scores) {
        if (scores.validShare() < MIN_VALID) {
            return 0;
        }
        double least = MIN_FAIR_SHARE / scores.modeShares().length;
        int covered = 0;
        for (double share : scores.modeShares()) {
            covered += share >= least ? 1 : 0;
        }
        return covered;
    }

    @Override
    public Trained<Sampler> train(TrainingContext context) {
        int points = config.points();
        float[] real = SineWaves.generate(config, config.seed());
        WaveQuality quality = new WaveQuality(config, real);
        Optional<LowPassFilter> filter = config.filter();
        Optional<Checkpoint> resumed = context.checkpoints().latest();
        // The first budget fixes the decay; an extended run keeps the saved networks and their schedule.
        MultiLayerNetwork generator = resumed.map(GanCheckpoints::generator).orElseGet(() -> config.generator(filter));
        MultiLayerNetwork discriminator = resumed.map(GanCheckpoints::discriminator).orElseGet(config::discriminator);
        long start = resumed.map(Checkpoint::episodesDone).orElse(0L);
        AdversarialStep step = new AdversarialStep(generator, discriminator, config.pack(), config.labelSmoothing(), config.seed());
        // Network construction resets ND4J's generator (DL4J-NOTES), so seed the latent draws afterwards.
        Nd4j.getRandom().setSeed(config.seed());
        float[] seen = filter.map(f -> f.apply(real)).orElse(real);
        Minibatches minibatches = new Minibatches(seen, points, config.batchSize(), config.seed());
        minibatches.replay(start);
        INDArray evalNoise = WaveSampler.noise(config.evalSamples(), config.latentSize(), config.seed() + 7);
        int batches = minibatches.count();
        Sampler sampler = new WaveSampler(generator, config.latentSize(), points);

        long saved = start;
        for (long epoch = start; epoch < config.epochs(); epoch++) {
            if (context.stopRequested()) {
                return cancelled(context, sampler, epoch, saved, generator, discriminator);
            }
            long started = System.nanoTime();
            // An epoch is a few minibatches here: it always runs to its end.
            AdversarialStep.Losses losses = step.epoch(minibatches, config.latentSize(), epoch, () -> false).orElseThrow();
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put(DISCRIMINATOR_LOSS, losses.discriminator());
            metrics.put(GENERATOR_LOSS, losses.generator());
            boolean traced = (epoch + 1) % config.trace() == 0 || epoch == config.epochs() - 1;
            if (traced) {
                float[] generated = RowMajor.floats(generator.output(evalNoise, false));
                WaveQuality.Scores scores = quality.score(generated);
                metrics.put(VALID_SHARE, scores.validShare());
                metrics.put(MMD, scores.mmd());
                metrics.put(MODES_COVERED, (double) modesCovered(scores));
                for (int k = 0; k < scores.modeShares().length; k++) {
                    metrics.put(modeShare(k), scores.modeShares()[k]);
                    metrics.put(shapeShare(k), scores.shapeShares()[k]);
                }
                long shown = epoch + 1;
                context.folder().ifPresent(dir -> WaveGridPlot.write(generated, points,
                        String.format("epoch %d: valid %.2f, modes among valid %s, modes by shape %s", shown,
                                scores.validShare(), shares(scores.modeShares()), shares(scores.shapeShares())),
                        dir.resolve("snapshots").resolve(String.format("epoch-%05d.png", shown))));
            }
            metrics.put(SECONDS, (System.nanoTime() - started) / 1e9);
            context.report(EpisodeReport.of(epoch, (epoch + 1) * batches, metrics));
            if (traced) {
                context.checkpoints().save(epoch + 1, GanCheckpoints.both(generator, discriminator));
                saved = epoch + 1;
            }
        }
        return context.trained(sampler, Trained.Outcome.FINISHED, Math.max(start, config.epochs()));
    }

    /** Stops at an epoch boundary: checkpoints the last whole epoch unless that is already saved. */
    private static Trained<Sampler> cancelled(TrainingContext context, Sampler sampler, long done, long saved,
                                              MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        if (done > saved) {
            context.checkpoints().save(done, GanCheckpoints.both(generator, discriminator));
        }
        return context.trained(sampler, Trained.Outcome.CANCELLED, done);
    }

    private static String shares(double[] shares) {
        return java.util.Arrays.stream(shares).mapToObj(share -> String.format("%.2f", share))
                .collect(java.util.stream.Collectors.joining(" / "));
    }
}
