package io.jgym.generative.sine;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.gan.AdversarialStep;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.gan.GanCheckpoints;
import io.jgym.generative.gan.GanNetworks;
import io.jgym.generative.data.RowMajor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * {@code sine-gan}: trains a dense GAN on the two-mode sine-wave family; with {@code smoothing > 0}
 * the generator ends in a fixed {@link LowPassFilter} and the discriminator sees the training waves
 * through the same filter. Every epoch (one pass over the shuffled waves) reports the mean
 * discriminator and generator losses; every {@code trace} epochs (and the last) it also scores
 * {@code evalSamples} generated waves from a fixed latent set (share that fit a mode, each mode's
 * share, MMD to the real waves) and, given an output folder, writes
 * {@code snapshots/epoch-NNNNN.png} (a grid of 12 generated waves) and checkpoints both networks
 * ({@link GanCheckpoints}); a run folder that already holds a checkpoint is resumed from it.
 */
public final class SineGanTrainer implements Trainer {
    public static final String DISCRIMINATOR_LOSS = "losses/discriminator";
    public static final String GENERATOR_LOSS = "losses/generator";
    public static final String VALID_SHARE = "quality/valid_share";
    public static final String MMD = "quality/mmd";
    public static final String SECONDS = "charts/epoch_seconds";

    private final SineGanConfig config;
    private final String runName;
    private final Optional<Path> output;
    private MultiLayerNetwork generator;

    public SineGanTrainer(SineGanConfig config, String runName, Optional<Path> output) {
        this.config = config;
        this.runName = runName;
        this.output = output;
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
    public void train(TrainingListener listener) {
        int points = config.points();
        float[] real = SineWaves.generate(config, config.seed());
        WaveQuality quality = new WaveQuality(config, real);
        long iterations = (long) config.epochs() * (config.waves() / config.batchSize());
        ISchedule generatorRate = GanNetworks.decaying(config.learningRate(), config.learningRateDecay(), iterations);
        Optional<LowPassFilter> filter = config.smoothing() > 0
                ? Optional.of(new LowPassFilter(config.points(), config.smoothing())) : Optional.empty();
        GanCheckpoints checkpoints = new GanCheckpoints(output);
        generator = checkpoints.generator(() -> freshGenerator(filter, generatorRate));
        MultiLayerNetwork discriminator = checkpoints.discriminator(() -> GanNetworks.discriminator(config.seed(),
                points * config.pack(), config.discriminatorLayers(), config.dropout(),
                GanNetworks.decaying(config.learningRate(), config.learningRateDecay(), iterations), config.beta1()));
        AdversarialStep step = new AdversarialStep(generator, discriminator, config.pack(), config.labelSmoothing(), config.seed());
        // Network construction resets ND4J's generator (DL4J-NOTES), so seed the latent draws afterwards.
        Nd4j.getRandom().setSeed(config.seed());
        float[] seen = filter.map(f -> f.apply(real)).orElse(real);
        Minibatches minibatches = new Minibatches(seen, points, config.batchSize(), config.seed());
        minibatches.replay(checkpoints.epochsDone());
        INDArray evalNoise = fixedNoise(config.evalSamples(), config.latentSize(), config.seed() + 7);
        int batches = minibatches.count();

        listener.onStart(runName);
        try {
            for (int epoch = checkpoints.epochsDone(); epoch < config.epochs(); epoch++) {
                long started = System.nanoTime();
                AdversarialStep.Losses losses = step.epoch(minibatches, config.latentSize(), epoch);
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put(DISCRIMINATOR_LOSS, losses.discriminator());
                metrics.put(GENERATOR_LOSS, losses.generator());
                boolean traced = (epoch + 1) % config.trace() == 0 || epoch == config.epochs() - 1;
                metrics.put(VALID_SHARE, Double.NaN);
                metrics.put(MMD, Double.NaN);
                for (int k = 0; k < config.amplitudes().size(); k++) {
                    metrics.put(modeShare(k), Double.NaN);
                    metrics.put(shapeShare(k), Double.NaN);
                }
                if (traced) {
                    float[] generated = RowMajor.floats(generator.output(evalNoise, false));
                    WaveQuality.Scores scores = quality.score(generated);
                    metrics.put(VALID_SHARE, scores.validShare());
                    metrics.put(MMD, scores.mmd());
                    for (int k = 0; k < scores.modeShares().length; k++) {
                        metrics.put(modeShare(k), scores.modeShares()[k]);
                        metrics.put(shapeShare(k), scores.shapeShares()[k]);
                    }
                    int shown = epoch + 1;
                    output.ifPresent(dir -> WaveGridPlot.write(generated, points,
                            String.format("epoch %d: valid %.2f, modes among valid %s, modes by shape %s", shown,
                                    scores.validShare(), shares(scores.modeShares()), shares(scores.shapeShares())),
                            dir.resolve("snapshots").resolve(String.format("epoch-%05d.png", shown))));
                }
                metrics.put(SECONDS, (System.nanoTime() - started) / 1e9);
                listener.onEpisode(EpisodeReport.of(epoch, (long) (epoch + 1) * batches, metrics));
                if (traced) {
                    checkpoints.save(epoch + 1, generator, discriminator);
                }
            }
        } finally {
            listener.onEnd();
        }
    }

    /** A new generator, ending in the fixed low-pass {@code filter} when there is one. */
    private MultiLayerNetwork freshGenerator(Optional<LowPassFilter> filter, ISchedule rate) {
        if (filter.isPresent()) {
            return GanNetworks.generator(config.seed(), config.latentSize(), config.generatorLayers(), config.points(),
                    Activation.IDENTITY, rate, config.beta1(), filter.get().matrix());
        }
        return GanNetworks.generator(config.seed(), config.latentSize(), config.generatorLayers(), config.points(),
                Activation.IDENTITY, rate, config.beta1());
    }

    /** The generator as training left it. */
    public MultiLayerNetwork generator() {
        if (generator == null) {
            throw new IllegalStateException("train first");
        }
        return generator;
    }

    private static String shares(double[] shares) {
        return java.util.Arrays.stream(shares).mapToObj(share -> String.format("%.2f", share))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    private static INDArray fixedNoise(int rows, int columns, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }
}
