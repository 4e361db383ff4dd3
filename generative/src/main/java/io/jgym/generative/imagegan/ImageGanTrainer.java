package io.jgym.generative.imagegan;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.data.RowMajor;
import io.jgym.generative.gan.AdversarialStep;
import io.jgym.generative.gan.GanCheckpoints;
import io.jgym.generative.gan.GeneratorAverage;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.images.ImageSampler;
import io.jgym.generative.images.ImageShape;
import io.jgym.generative.metrics.ClassifierQuality;
import io.jgym.generative.metrics.Mmd;
import io.jgym.generative.metrics.Speckle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * training images) reports the mean discriminator and generator losses, the MMD between
 * {@code evalSamples} generated images and as many held-out images and their salt-and-pepper noise
 * ({@link Speckle}), and, when the images are judged,
 * the classes covered, the classifier score and the Frechet distance to the held-out images in the
 * feature space of a classifier kept in the context's cache. Samples and scores come from the generator's
 * moving average when the settings keep one ({@link GeneratorAverage}). When the run has a folder it writes
 * {@code samples/epoch-NNN.png} (an 8x8 grid from a fixed latent set). Every epoch is checkpointed;
 * a stop between minibatches abandons the epoch, and a run with a checkpoint continues after it.
 */
public final class ImageGanTrainer implements Trainer<Sampler> {
    public static final String DISCRIMINATOR_LOSS = "losses/discriminator";
    public static final String GENERATOR_LOSS = "losses/generator";
    public static final String MMD = "quality/mmd";
    public static final String SECONDS = "charts/epoch_seconds";
    public static final String CLASSES_COVERED = "quality/classes_covered";
    public static final String CLASSIFIER_SCORE = "quality/classifier_score";
    public static final String FRECHET = "quality/frechet_distance";
    /** Salt-and-pepper noise of the generated images ({@link Speckle}), beside the held-out images' own. */
    public static final String SPECKLE = "quality/speckle";
    public static final String SPECKLE_HELD_OUT = "quality/speckle_held_out";
    private static final int GRID_COLUMNS = 8;

    private final ImageGanConfig config;
    private final ImageSet train;
    private final ImageSet heldOut;
    private final Optional<String> judged;
    private final int classes;

    /**
     * @param judged the name of the data when a classifier should judge the generated images (it is
     *               trained on {@code train} once and cached under that name); empty: MMD only
     */
    public ImageGanTrainer(ImageGanConfig config, ImageSet train, ImageSet heldOut, Optional<String> judged) {
        if (train.count() < config.batchSize()) {
            throw new IllegalArgumentException("--batch-size (" + config.batchSize() + ") is more than the " + train.count()
                    + " training images");
        }
        this.config = config;
        this.train = train;
        this.heldOut = heldOut.first(config.evalSamples());
        this.judged = judged;
        this.classes = Arrays.stream(train.labels()).max().orElse(0) + 1;
    }

    /** Name of the metric holding class {@code k}'s share of the generated images, as the classifier sees them. */
    public static String classShare(int k) {
        return "quality/class_" + k + "_share";
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>(List.of(
                Metric.loss(DISCRIMINATOR_LOSS, "D loss", "%.3f"),
                Metric.loss(GENERATOR_LOSS, "G loss", "%.3f"),
                Metric.lower(MMD, "MMD", "%.4f"),
                Metric.lower(SPECKLE, "speckle", "%.4f"),
                Metric.info(SPECKLE_HELD_OUT, "speckle of held-out images", "%.4f").hidden(),
                Metric.timing(SECONDS, "s/epoch", "%.1f").hidden()));
        if (judged.isPresent()) {
            metrics.add(Metric.lower(FRECHET, "FD", "%.2f"));
            metrics.add(Metric.higher(CLASSES_COVERED, "classes", "%.0f"));
            metrics.add(Metric.higher(CLASSIFIER_SCORE, "score", "%.2f").hidden());
            for (int k = 0; k < classes; k++) {
                metrics.add(Metric.info(classShare(k), "class " + k, "%.2f").hidden());
            }
        }
        return metrics;
    }

    @Override
    public Trained<Sampler> train(TrainingContext context) {
        int size = train.size();
        int batch = config.batchSize();
        int batches = train.count() / batch;
        ImageShape shape = ImageShape.of(train);
        Optional<ClassifierQuality> judge = judged.map(name -> ClassifierQuality.cached(context.cache(), name, train, heldOut,
                heldOut.count()));
        Optional<Checkpoint> resumed = context.checkpoints().latest();
        // The first budget fixes a decaying learning rate; an extended run keeps the saved networks and their schedule.
        long iterations = (long) config.epochs() * batches;
        MultiLayerNetwork generator = resumed.map(GanCheckpoints::generator)
                .orElseGet(() -> config.generator(train.channels(), train.height(), train.width(), iterations));
        MultiLayerNetwork discriminator = resumed.map(GanCheckpoints::discriminator)
                .orElseGet(() -> config.discriminator(train.channels(), train.height(), train.width(), iterations));
        long start = resumed.map(Checkpoint::episodesDone).orElse(0L);
        GeneratorAverage average = GeneratorAverage.of(generator, () -> resumed.map(c -> GanCheckpoints.average(c, generator))
                .orElseGet(generator::clone), config.generatorAverage());
        MultiLayerNetwork sampled = average.network();
        AdversarialStep step = new AdversarialStep(generator, discriminator, config.pack(), config.labelSmoothing(), config.seed(), average);
        Nd4j.getRandom().setSeed(config.seed()); // network construction reset it
        Minibatches minibatches = new Minibatches(train.pixels(), size, batch, config.seed(), 2, -1); // [0, 1] -> [-1, 1]
        minibatches.replay(start);
        Mmd mmd = new Mmd(heldOut.pixels(), size);
        double heldOutSpeckle = Speckle.of(heldOut.pixels(), train.channels(), train.height(), train.width());
        INDArray evalNoise = Nd4j.randn(DataType.FLOAT, heldOut.count(), config.latentSize());
        Sampler sampler = sampler(sampled, config.latentSize(), shape);
        CheckpointStore.Contents contents = folder -> {
            GanCheckpoints.all(generator, discriminator, average).writeTo(folder);
            shape.writeTo(folder);
        };

        for (long epoch = start; epoch < config.epochs(); epoch++) {
            if (context.stopRequested()) {
                return context.trained(sampler, Trained.Outcome.CANCELLED, epoch); // every epoch is checkpointed
            }
            long started = System.nanoTime();
            Optional<AdversarialStep.Losses> losses = step.epoch(minibatches, config.latentSize(), epoch, context::stopRequested);
            if (losses.isEmpty()) {
                return context.trained(sampler, Trained.Outcome.CANCELLED, epoch); // the unfinished epoch is dropped
            }
            float[] generated = toUnit(RowMajor.floats(sampled.output(evalNoise, false)));
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put(DISCRIMINATOR_LOSS, losses.get().discriminator());
            metrics.put(GENERATOR_LOSS, losses.get().generator());
            metrics.put(MMD, mmd.of(generated));
            metrics.put(SPECKLE, Speckle.of(generated, train.channels(), train.height(), train.width()));
            metrics.put(SPECKLE_HELD_OUT, heldOutSpeckle);
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
            long shown = epoch + 1;
            context.folder().ifPresent(dir -> {
                float[] grid = new float[GRID_COLUMNS * GRID_COLUMNS * size];
                System.arraycopy(generated, 0, grid, 0, Math.min(grid.length, generated.length));
                ImageGrid.write(grid, train.channels(), train.height(), train.width(), GRID_COLUMNS, ImageGrid.scaleFor(train.height()),
                        dir.resolve("samples").resolve(String.format("epoch-%03d.png", shown)));
            });
            context.report(EpisodeReport.of(epoch, shown * batches, metrics));
            context.checkpoints().save(shown, contents);
        }
        return context.trained(sampler, Trained.Outcome.FINISHED, Math.max(start, config.epochs()));
    }

    /** Samples of {@code generator}: standard-normal latents, its tanh images mapped back to [0, 1]. */
    static Sampler sampler(MultiLayerNetwork generator, int latentSize, ImageShape shape) {
        return new ImageSampler(ImageSampler.gaussian(latentSize), codes -> toUnit(RowMajor.floats(generator.output(codes, false))), shape);
    }

    private static float[] toUnit(float[] generated) {
        for (int i = 0; i < generated.length; i++) {
            generated[i] = (generated[i] + 1) / 2; // back to [0, 1] like the held-out images
        }
        return generated;
    }
}
