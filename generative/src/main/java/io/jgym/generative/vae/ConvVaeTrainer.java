package io.jgym.generative.vae;

import io.jgym.contracts.training.Checkpoint;
import io.jgym.contracts.training.CheckpointStore;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Metric;
import io.jgym.contracts.training.Sampler;
import io.jgym.contracts.training.Trained;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingContext;
import io.jgym.generative.checkpoints.ModelFiles;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.data.RowMajor;
import io.jgym.generative.images.ImageGrid;
import io.jgym.generative.images.ImageSampler;
import io.jgym.generative.images.ImageShape;
import io.jgym.generative.images.LatentPictures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code vae} and {@code conv-vae-rgb}: trains the convolutional VAE of {@link ConvVaeGraph}, one
 * epoch per episode. Each epoch reports the training negative ELBO and, on held-out images with a
 * fixed noise draw, the reconstruction term, the KL term and their sum, all in nats per image, and
 * for colour images the {@link ColourError} of their reconstructions.
 * Each epoch is checkpointed (the graph as {@code vae.sd}); a stop between minibatches abandons the
 * epoch, and a run with a checkpoint continues after its last epoch and ends exactly as an
 * uninterrupted run would (the shuffle replays and each epoch's noise comes from the seed and the
 * epoch number). At the end, when the run has a folder, it draws samples from the prior
 * ({@code samples.png}), held-out images over their reconstructions ({@code reconstructions.png})
 * and, for a 2-D latent, the latent means of held-out images ({@code codes.png}) and images decoded
 * over the latent plane ({@code decoded.png}).
 */
public final class ConvVaeTrainer implements Trainer<Sampler> {
    public static final String TRAIN_NEG_ELBO = "losses/train_neg_elbo";
    public static final String HELD_OUT_NEG_ELBO = "quality/held_out_neg_elbo";
    public static final String HELD_OUT_RECONSTRUCTION = "quality/held_out_reconstruction";
    public static final String HELD_OUT_KL = "quality/held_out_kl";
    public static final String HELD_OUT_COLOUR_ERROR = "quality/held_out_colour_error";
    static final String GRAPH_FILE = "vae.sd";
    private static final int EVAL_CHUNK = 200;
    private static final int PRIOR_SAMPLES = 64;
    private static final int SHOWN = 16;
    private static final float LATENT_EXTENT = 3f;

    private final ConvVaeSettings config;
    private final ImageSet train;
    private final ImageSet heldOut;

    public ConvVaeTrainer(ConvVaeSettings config, ImageSet train, ImageSet heldOut) {
        if (train.count() < config.batchSize()) {
            throw new IllegalArgumentException("--batch-size (" + config.batchSize() + ") is more than the " + train.count()
                    + " training images");
        }
        if (heldOut.channels() != train.channels() || heldOut.height() != train.height() || heldOut.width() != train.width()) {
            throw new IllegalArgumentException("held-out images are " + heldOut.channels() + "x" + heldOut.height() + "x"
                    + heldOut.width() + " but training images " + train.channels() + "x" + train.height() + "x" + train.width());
        }
        ConvVaeGraph.checkShape(config, train.height(), train.width());
        this.config = config;
        this.train = train;
        this.heldOut = heldOut.first(config.evalImages());
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>(List.of(Metric.loss(TRAIN_NEG_ELBO, "train -ELBO", "%.1f"),
                Metric.lower(HELD_OUT_NEG_ELBO, "held-out -ELBO", "%.1f"),
                Metric.lower(HELD_OUT_RECONSTRUCTION, "reconstruction", "%.1f"),
                Metric.info(HELD_OUT_KL, "KL", "%.2f")));
        if (colour()) {
            metrics.add(Metric.lower(HELD_OUT_COLOUR_ERROR, "colour error", "%.3f"));
        }
        return metrics;
    }

    private boolean colour() {
        return train.channels() == 3;
    }

    @Override
    public Trained<Sampler> train(TrainingContext context) {
        ImageShape shape = ImageShape.of(train);
        Optional<Checkpoint> resumed = context.checkpoints().latest();
        Minibatches minibatches = new Minibatches(train.pixels(), train.size(), config.batchSize(), config.seed());
        int batches = minibatches.count();
        SameDiff graph = resumed.map(saved -> ModelFiles.readGraph(saved, GRAPH_FILE))
                .orElseGet(() -> ConvVaeGraph.build(config, train.channels(), train.height(), train.width(),
                        (long) config.epochs() * batches));
        VaeStep step = new VaeStep(graph, config);
        long start = resumed.map(Checkpoint::episodesDone).orElse(0L);
        minibatches.replay(start);
        INDArray heldOutImages = Nd4j.create(heldOut.pixels(), new long[] {heldOut.count(), heldOut.size()}, 'c');
        INDArray heldOutNoise = VaeStep.noise(new Random(~config.seed()), heldOut.count(), config.latentSize());
        Sampler sampler = sampler(graph, config.latentSize(), shape);
        CheckpointStore.Contents contents = folder -> {
            ModelFiles.writeGraph(folder, GRAPH_FILE, graph);
            shape.writeTo(folder);
        };

        for (long epoch = start; epoch < config.epochs(); epoch++) {
            if (context.stopRequested()) {
                return context.trained(sampler, Trained.Outcome.CANCELLED, epoch);
            }
            minibatches.shuffle();
            step.startEpoch(epoch);
            for (int b = 0; b < batches; b++) {
                if (b > 0 && context.stopRequested()) {
                    // The graph holds part of an epoch: the checkpoint of the last whole one is what counts.
                    return context.trained(sampler, Trained.Outcome.CANCELLED, epoch);
                }
                step.fit(minibatches.batch(b));
            }
            double[] terms = heldOutTerms(graph, heldOutImages, heldOutNoise);
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put(TRAIN_NEG_ELBO, step.meanLoss());
            metrics.put(HELD_OUT_RECONSTRUCTION, terms[0]);
            metrics.put(HELD_OUT_KL, terms[1]);
            metrics.put(HELD_OUT_NEG_ELBO, terms[0] + terms[1]);
            if (colour()) {
                metrics.put(HELD_OUT_COLOUR_ERROR, colourError(graph, heldOutImages, heldOutNoise));
            }
            long done = epoch + 1;
            context.report(EpisodeReport.of(epoch, done * batches, metrics));
            context.checkpoints().save(done, contents);
        }
        context.folder().ifPresent(dir -> pictures(dir, graph, heldOutImages, heldOutNoise));
        return context.trained(sampler, Trained.Outcome.FINISHED, Math.max(start, config.epochs()));
    }

    /** Decodes codes drawn from the prior, N(0, I). */
    static Sampler sampler(SameDiff graph, int latentSize, ImageShape shape) {
        return new ImageSampler(ImageSampler.gaussian(latentSize), codes -> RowMajor.floats(
                graph.output(Map.of(ConvVaeGraph.CODE, codes), ConvVaeGraph.DECODED).get(ConvVaeGraph.DECODED)), shape);
    }

    /** Held-out reconstruction and KL terms, nats per image, averaged over all held-out images. */
    private static double[] heldOutTerms(SameDiff graph, INDArray images, INDArray noise) {
        long n = images.rows();
        double reconstruction = 0;
        double kl = 0;
        for (long from = 0; from < n; from += EVAL_CHUNK) {
            long to = Math.min(n, from + EVAL_CHUNK);
            Map<String, INDArray> out = graph.output(Map.of(ConvVaeGraph.IMAGES, rows(images, from, to),
                    ConvVaeGraph.NOISE, rows(noise, from, to)), ConvVaeGraph.RECONSTRUCTION, ConvVaeGraph.KL);
            reconstruction += out.get(ConvVaeGraph.RECONSTRUCTION).getDouble(0) * (to - from);
            kl += out.get(ConvVaeGraph.KL).getDouble(0) * (to - from);
        }
        return new double[] {reconstruction / n, kl / n};
    }

    /** {@link ColourError} of the held-out images' reconstructions (with the fixed noise draw). */
    private double colourError(SameDiff graph, INDArray images, INDArray noise) {
        long n = images.rows();
        float[] reconstructed = new float[(int) (n * heldOut.size())];
        for (long from = 0; from < n; from += EVAL_CHUNK) {
            long to = Math.min(n, from + EVAL_CHUNK);
            float[] chunk = RowMajor.floats(graph.output(Map.of(ConvVaeGraph.IMAGES, rows(images, from, to),
                    ConvVaeGraph.NOISE, rows(noise, from, to)), ConvVaeGraph.RECONSTRUCTED).get(ConvVaeGraph.RECONSTRUCTED));
            System.arraycopy(chunk, 0, reconstructed, (int) (from * heldOut.size()), chunk.length);
        }
        return ColourError.of(heldOut.pixels(), reconstructed, heldOut.height() * heldOut.width());
    }

    private void pictures(Path dir, SameDiff graph, INDArray heldOutImages, INDArray heldOutNoise) {
        int scale = ImageGrid.scaleFor(train.height());
        INDArray prior = VaeStep.noise(new Random(config.seed() + 1), PRIOR_SAMPLES, config.latentSize());
        float[] samples = RowMajor.floats(graph.output(Map.of(ConvVaeGraph.CODE, prior), ConvVaeGraph.DECODED).get(ConvVaeGraph.DECODED));
        ImageGrid.write(samples, train.channels(), train.height(), train.width(), 8, scale, dir.resolve("samples.png"));

        int shown = (int) Math.min(SHOWN, heldOutImages.rows());
        INDArray originals = rows(heldOutImages, 0, shown);
        INDArray reconstructed = graph.output(Map.of(ConvVaeGraph.IMAGES, originals, ConvVaeGraph.NOISE, rows(heldOutNoise, 0, shown)),
                ConvVaeGraph.RECONSTRUCTED).get(ConvVaeGraph.RECONSTRUCTED);
        float[] both = RowMajor.floats(Nd4j.vstack(originals, reconstructed));
        ImageGrid.write(both, train.channels(), train.height(), train.width(), shown, scale, dir.resolve("reconstructions.png"));

        if (config.latentSize() == 2) {
            INDArray means = graph.output(Map.of(ConvVaeGraph.IMAGES, heldOutImages, ConvVaeGraph.NOISE, heldOutNoise),
                    ConvVaeGraph.MEAN).get(ConvVaeGraph.MEAN);
            LatentPictures.scatter(RowMajor.floats(means), heldOut.labels(), dir.resolve("codes.png"));
            LatentPictures.decodedGrid(z -> RowMajor.floats(graph.output(Map.of(ConvVaeGraph.CODE,
                            Nd4j.create(z, new long[] {z.length / 2, 2}, 'c')), ConvVaeGraph.DECODED).get(ConvVaeGraph.DECODED)),
                    15, LatentPictures.Area.square(LATENT_EXTENT), train.channels(), train.height(), train.width(), dir.resolve("decoded.png"));
        }
    }

    private static INDArray rows(INDArray matrix, long from, long to) {
        return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
    }
}
