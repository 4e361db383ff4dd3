package io.jgym.generative.points;

import io.jgym.contracts.Frame;
import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.training.EpisodeReport;
import io.jgym.contracts.training.Trainer;
import io.jgym.contracts.training.TrainingListener;
import io.jgym.contracts.images.AnimatedGifWriter;
import io.jgym.contracts.images.FrameImages;
import io.jgym.generative.gan.AdversarialStep;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.gan.GanCheckpoints;
import io.jgym.generative.gan.GanNetworks;
import io.jgym.generative.data.RowMajor;
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
 * losses; every {@code frameEvery} epochs it scores {@code evalSamples} generated points (MMD to the
 * real points, share that fooled the discriminator) and, given an output folder, draws a frame
 * ({@code frames/epoch-NNNNN.png}: real points in grey, generated points in red where they fooled
 * the discriminator and blue where they did not) and checkpoints both networks
 * ({@link GanCheckpoints}); a run folder that already holds a checkpoint is resumed from it. At the
 * end the frames become {@code training.gif}.
 */
public final class PointsGanTrainer implements Trainer {
    public static final String DISCRIMINATOR_LOSS = "losses/discriminator";
    public static final String GENERATOR_LOSS = "losses/generator";
    public static final String MMD = "quality/mmd";
    public static final String FOOLED = "quality/fooled_share";
    private static final String FRAMES = "frames";
    private static final int FRAME_SIZE = 320;
    private static final double X_RANGE = 4.0;
    private static final double Y_RANGE = 2.0;

    private final PointsGanConfig config;
    private final String runName;
    private final Optional<Path> output;

    public PointsGanTrainer(PointsGanConfig config, String runName, Optional<Path> output) {
        this.config = config;
        this.runName = runName;
        this.output = output;
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
    public void train(TrainingListener listener) {
        float[] real = realPoints(config);
        GanCheckpoints checkpoints = new GanCheckpoints(output);
        MultiLayerNetwork generator = checkpoints.generator(() -> GanNetworks.generator(config.seed(), config.latentSize(),
                config.generatorLayers(), 2, Activation.IDENTITY, GanNetworks.decaying(config.learningRate(), 1.0, 1), 0.5));
        MultiLayerNetwork discriminator = checkpoints.discriminator(() -> GanNetworks.discriminator(config.seed(), 2,
                config.discriminatorLayers(), 0.0, GanNetworks.decaying(config.learningRate(), 1.0, 1), 0.5));
        AdversarialStep step = new AdversarialStep(generator, discriminator, 1, 0.0, config.seed());
        Nd4j.getRandom().setSeed(config.seed());
        Minibatches minibatches = new Minibatches(real, 2, config.batchSize(), config.seed());
        minibatches.replay(checkpoints.epochsDone());
        Mmd mmd = new Mmd(java.util.Arrays.copyOf(real, 2 * Math.min(config.samples(), config.evalSamples())), 2);
        INDArray evalNoise = Nd4j.randn(DataType.FLOAT, config.evalSamples(), config.latentSize());
        int batches = minibatches.count();

        listener.onStart(runName);
        try {
            for (int epoch = checkpoints.epochsDone(); epoch < config.epochs(); epoch++) {
                AdversarialStep.Losses losses = step.epoch(minibatches, config.latentSize(), epoch);
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put(DISCRIMINATOR_LOSS, losses.discriminator());
                metrics.put(GENERATOR_LOSS, losses.generator());
                metrics.put(MMD, Double.NaN);
                metrics.put(FOOLED, Double.NaN);
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
                    int shown = epoch + 1;
                    output.ifPresent(dir -> AtomicFiles.write(dir.resolve(FRAMES).resolve(String.format("epoch-%05d.png", shown)),
                            FrameImages.png(frame(real, points, verdicts))));
                }
                listener.onEpisode(EpisodeReport.of(epoch, (long) (epoch + 1) * batches, metrics));
                if (framed) {
                    checkpoints.save(epoch + 1, generator, discriminator);
                }
            }
            output.ifPresent(PointsGanTrainer::writeGif);
        } finally {
            listener.onEnd();
        }
    }

    /** Joins the run's frames, in epoch order, into {@code training.gif}. */
    private static void writeGif(Path dir) {
        Path gif = dir.resolve("training.gif");
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

    private static Frame frame(float[] real, float[] generated, float[] verdicts) {
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
