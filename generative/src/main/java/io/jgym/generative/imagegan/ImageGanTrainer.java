package io.jgym.generative.imagegan;

import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.gan.AdversarialStep;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.gan.GanCheckpoints;
import io.jgym.generative.data.RowMajor;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.metrics.Mmd;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code dense-gan} and {@code dcgan-rgb}: a GAN on images, its networks built by an
 * {@link ImageGanConfig}, trained through {@link AdversarialStep}. Each epoch (a pass over the shuffled
 * training images) reports the mean discriminator and generator losses and the MMD between
 * {@code evalSamples} generated images and as many held-out images, and, given a classifier, the
 * classes covered, the classifier score and the Frechet distance to the held-out images in the
 * classifier's feature space; given an output folder it writes
 * {@code samples/epoch-NNN.png} (an 8x8 grid from a fixed latent set) and checkpoints both networks
 * ({@link GanCheckpoints}); a run folder that already holds a checkpoint is resumed from it.
 */
public final class ImageGanTrainer implements Trainer {
    public static final String DISCRIMINATOR_LOSS = "losses/discriminator";
    public static final String GENERATOR_LOSS = "losses/generator";
    public static final String MMD = "quality/mmd";
    public static final String SECONDS = "charts/epoch_seconds";
    public static final String CLASSES_COVERED = "quality/classes_covered";
    public static final String CLASSIFIER_SCORE = "quality/classifier_score";
    public static final String FRECHET = "quality/frechet_distance";

    /** Name of the metric holding class {@code k}'s share of the generated images, as the classifier sees them. */
    public static String classShare(int k) {
        return "quality/class_" + k + "_share";
    }
    private static final int GRID_COLUMNS = 8;

    private final ImageGanConfig config;
    private final ImageSet train;
    private final ImageSet heldOut;
    private final String runName;
    private final Optional<Path> output;
    private final Optional<ClassifierQuality> judge;

    public ImageGanTrainer(ImageGanConfig config, ImageSet train, ImageSet heldOut, String runName, Optional<Path> output,
                           Optional<ClassifierQuality> judge) {
        if (train.count() < config.batchSize()) {
            throw new IllegalArgumentException("need at least one batch of " + config.batchSize() + " images, got " + train.count());
        }
        this.config = config;
        this.train = train;
        this.heldOut = heldOut.first(config.evalSamples());
        this.runName = runName;
        this.output = output;
        this.judge = judge;
    }

    @Override
    public void train(TrainingListener listener) {
        int size = train.size();
        int batch = config.batchSize();
        int batches = train.count() / batch;
        long iterations = (long) config.epochs() * batches;
        GanCheckpoints checkpoints = new GanCheckpoints(output);
        MultiLayerNetwork generator = checkpoints.generator(
                () -> config.generator(train.channels(), train.height(), train.width(), iterations));
        MultiLayerNetwork discriminator = checkpoints.discriminator(
                () -> config.discriminator(train.channels(), train.height(), train.width(), iterations));
        AdversarialStep step = new AdversarialStep(generator, discriminator, config.pack(), config.labelSmoothing(), config.seed());
        Nd4j.getRandom().setSeed(config.seed()); // network construction reset it
        Minibatches minibatches = new Minibatches(train.pixels(), size, batch, config.seed(), 2, -1); // [0, 1] -> [-1, 1]
        minibatches.replay(checkpoints.epochsDone());
        Mmd mmd = new Mmd(heldOut.pixels(), size);
        INDArray evalNoise = Nd4j.randn(DataType.FLOAT, heldOut.count(), config.latentSize());

        listener.onStart(runName);
        try {
            for (int epoch = checkpoints.epochsDone(); epoch < config.epochs(); epoch++) {
                long started = System.nanoTime();
                AdversarialStep.Losses losses = step.epoch(minibatches, config.latentSize(), epoch);
                float[] generated = RowMajor.floats(generator.output(evalNoise, false));
                for (int i = 0; i < generated.length; i++) {
                    generated[i] = (generated[i] + 1) / 2; // back to [0, 1] like the held-out images
                }
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put(DISCRIMINATOR_LOSS, losses.discriminator());
                metrics.put(GENERATOR_LOSS, losses.generator());
                metrics.put(MMD, mmd.of(generated));
                judge.ifPresent(j -> {
                    ClassifierQuality.Scores scores = j.score(generated);
                    metrics.put(CLASSES_COVERED, (double) scores.classesCovered());
                    metrics.put(CLASSIFIER_SCORE, scores.classifierScore());
                    metrics.put(FRECHET, scores.frechetDistance());
                    for (int k = 0; k < scores.classShares().length; k++) {
                        metrics.put(classShare(k), scores.classShares()[k]);
                    }
                });
                metrics.put(SECONDS, (System.nanoTime() - started) / 1e9);
                int shown = epoch + 1;
                output.ifPresent(dir -> {
                    float[] grid = new float[GRID_COLUMNS * GRID_COLUMNS * size];
                    System.arraycopy(generated, 0, grid, 0, Math.min(grid.length, generated.length));
                    ImageGrid.write(grid, train.channels(), train.height(), train.width(), GRID_COLUMNS, ImageGrid.scaleFor(train.height()),
                            dir.resolve("samples").resolve(String.format("epoch-%03d.png", shown)));
                });
                listener.onEpisode(EpisodeReport.of(epoch, (long) shown * batches, metrics));
                checkpoints.save(shown, generator, discriminator);
            }
        } finally {
            listener.onEnd();
        }
    }
}
