package io.jgym.generative.points;

import io.jgym.contracts.Frame;
import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.images.AnimatedGifWriter;
import io.jgym.contracts.images.FrameImages;
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
import io.jgym.generative.gan.GanNetworks;
import io.jgym.generative.metrics.Mmd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code points-gan}: a dense GAN on the 2-D points (x, sin(x) + noise). Every epoch reports the
 * losses; every {@code frameEvery} epochs (and the last) it scores {@code evalSamples} generated
 * points (MMD to the real points, share that fooled the discriminator), checkpoints both networks
 * and, when the run has a folder, draws a frame ({@code frames/epoch-NNNNN.png}: real points in
 * grey, generated points in red where they fooled the discriminator and blue where they did not).
 * At the end the frames become {@code training.gif}. A stop between frames checkpoints the last
 * whole epoch; a run with a checkpoint continues after it.
 */
public final class PointsGanTrainer implements Trainer<Sampler> {
    public static final String DISCRIMINATOR_LOSS = "losses/discriminator";
    public static final String GENERATOR_LOSS = "losses/generator";
    public static final String MMD = "quality/mmd";
    public static final String FOOLED = "quality/fooled_share";
    private static final String FRAMES = "frames";
    static final int FRAME_SIZE = 320;
    private static final double X_RANGE = 4.0;
    private static final double Y_RANGE = 2.0;

    private final PointsGanConfig config;

    public PointsGanTrainer(PointsGanConfig config) {
        this.config = config;
    }

    /** The real points, row-major [samples, 2]. */
    static float[] realPoints(PointsGanConfig config) {
        Random random = new Random(config.seed());
        float[] points = new float[2 * config.samples()];
        for (int i = 0; i < config.samples(); i++) {
            double x = (random.nextDouble() * 2 - 1) * Math.PI;
            points[2 * i] = (float) x;
            points[2 * i + 1] = (float) (Math.sin(x) + config.noise() * random.nextGaussian());
        }
        return points;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.loss(DISCRIMINATOR_LOSS, "D loss", "%.3f"), Metric.loss(GENERATOR_LOSS, "G loss", "%.3f"),
                Metric.lower(MMD, "MMD", "%.4f"), Metric.info(FOOLED, "fooled", "%.2f"));
    }

    @Override
    public Trained<Sampler> train(TrainingContext context) {
        float[] real = realPoints(config);
        Optional<Checkpoint> resumed = context.checkpoints().latest();
        MultiLayerNetwork generator = resumed.map(GanCheckpoints::generator).orElseGet(() -> GanNetworks.generator(config.seed(),
                config.latentSize(), config.generatorLayers(), 2, Activation.IDENTITY,
                GanNetworks.decaying(config.learningRate(), 1.0, 1), config.beta1()));
        MultiLayerNetwork discriminator = resumed.map(GanCheckpoints::discriminator).orElseGet(() -> GanNetworks.discriminator(
                config.seed(), 2, config.discriminatorLayers(), 0.0, GanNetworks.decaying(config.learningRate(), 1.0, 1), config.beta1()));
        long start = resumed.map(Checkpoint::episodesDone).orElse(0L);
        AdversarialStep step = new AdversarialStep(generator, discriminator, 1, 0.0, config.seed());
        Nd4j.getRandom().setSeed(config.seed());
        Minibatches minibatches = new Minibatches(real, 2, config.batchSize(), config.seed());
        minibatches.replay(start);
        Mmd mmd = new Mmd(java.util.Arrays.copyOf(real, 2 * Math.min(config.samples(), config.evalSamples())), 2);
        INDArray evalNoise = Nd4j.randn(DataType.FLOAT, config.evalSamples(), config.latentSize());
        int batches = minibatches.count();
        Sampler sampler = new PointSampler(generator, config);

        long saved = start;
        for (long epoch = start; epoch < config.epochs(); epoch++) {
            if (context.stopRequested()) {
                if (epoch > saved) {
                    context.checkpoints().save(epoch, GanCheckpoints.both(generator, discriminator));
                }
                context.folder().ifPresent(PointsGanTrainer::writeGif);
                return context.trained(sampler, Trained.Outcome.CANCELLED, epoch);
            }
            // An epoch is a few small minibatches: it always runs to its end.
            AdversarialStep.Losses losses = step.epoch(minibatches, config.latentSize(), epoch, () -> false).orElseThrow();
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put(DISCRIMINATOR_LOSS, losses.discriminator());
            metrics.put(GENERATOR_LOSS, losses.generator());
            boolean framed = (epoch + 1) % config.frameEvery() == 0 || epoch == config.epochs() - 1;
            if (framed) {
                INDArray generated = generator.output(evalNoise, false);
                float[] points = RowMajor.floats(generated);
                float[] verdicts = RowMajor.floats(discriminator.output(generated, false));
                int fooled = 0;
                for (float v : verdicts) {
                    fooled += v > 0.5f ? 1 : 0;
                }
                metrics.put(MMD, mmd.of(points));
                metrics.put(FOOLED, (double) fooled / verdicts.length);
                long shown = epoch + 1;
                context.folder().ifPresent(dir -> AtomicFiles.write(dir.resolve(FRAMES).resolve(String.format("epoch-%05d.png", shown)),
                        FrameImages.png(frame(real, points, verdicts))));
            }
            context.report(EpisodeReport.of(epoch, (epoch + 1) * batches, metrics));
            if (framed) {
                context.checkpoints().save(epoch + 1, GanCheckpoints.both(generator, discriminator));
                saved = epoch + 1;
            }
        }
        context.folder().ifPresent(PointsGanTrainer::writeGif);
        return context.trained(sampler, Trained.Outcome.FINISHED, Math.max(start, config.epochs()));
    }

    /** Joins the run's frames, in epoch order, into {@code training.gif}. */
    private static void writeGif(Path dir) {
        Path gif = dir.resolve("training.gif");
        if (!Files.isDirectory(dir.resolve(FRAMES))) {
            return;
        }
        try (Stream<Path> listed = Files.list(dir.resolve(FRAMES))) {
            List<Path> frames = listed.filter(f -> f.getFileName().toString().matches("epoch-\\d+\\.png")).sorted().toList();
            try (AnimatedGifWriter writer = new AnimatedGifWriter(gif, 120)) {
                for (Path frame : frames) {
                    writer.add(ImageIO.read(frame.toFile()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + gif, e);
        }
    }

    static Frame frame(float[] real, float[] generated, float[] verdicts) {
        byte[] rgb = new byte[FRAME_SIZE * FRAME_SIZE * 3];
        java.util.Arrays.fill(rgb, (byte) 255);
        for (int i = 0; i < real.length / 2; i++) {
            plot(rgb, real[2 * i], real[2 * i + 1], 170, 170, 170);
        }
        for (int i = 0; i < verdicts.length; i++) {
            boolean fooled = verdicts[i] > 0.5f;
            plot(rgb, generated[2 * i], generated[2 * i + 1], fooled ? 220 : 30, 40, fooled ? 40 : 220);
        }
        return new Frame(FRAME_SIZE, FRAME_SIZE, rgb);
    }

    private static void plot(byte[] rgb, float x, float y, int r, int g, int b) {
        int px = (int) Math.round((x / X_RANGE + 0.5) * (FRAME_SIZE - 1));
        int py = (int) Math.round((0.5 - y / (2 * Y_RANGE)) * (FRAME_SIZE - 1));
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int cx = px + dx;
                int cy = py + dy;
                if (cx >= 0 && cy >= 0 && cx < FRAME_SIZE && cy < FRAME_SIZE) {
                    int at = (cy * FRAME_SIZE + cx) * 3;
                    rgb[at] = (byte) r;
                    rgb[at + 1] = (byte) g;
                    rgb[at + 2] = (byte) b;
                }
            }
        }
    }
}
