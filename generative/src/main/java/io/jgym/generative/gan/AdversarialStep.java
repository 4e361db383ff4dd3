package io.jgym.generative.gan;

import io.jgym.generative.data.Minibatches;
import io.jgym.nn.FlatAdam;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.ObjLongConsumer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One GAN iteration: the discriminator fits real samples (label {@code 1 - smoothing}) and fakes
 * (label 0); then the generator moves along the discriminator's input gradient for "call these
 * real", with no combined network and no parameter copying. With {@code pack > 1} the
 * discriminator judges {@code pack} samples side by side (PacGAN), which lets it see when the
 * generator's samples all look alike, the usual cause of mode collapse. The generator's update count
 * (Adam's step) is kept in the generator network itself, and each epoch seeds ND4J's generator (latent
 * draws, dropout) from the seed and the epoch number, so a GAN resumed from saved networks trains on
 * exactly as an uninterrupted one would. After each generator step its {@link GeneratorAverage} moves.
 */
public final class AdversarialStep {
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final int pack;
    private final double labelSmoothing;
    private final long seed;
    private final GeneratorAverage average;
    private final BiConsumer<INDArray, INDArray> discriminatorFit;
    private final ObjLongConsumer<Gradient> generatorStep;

    /** Losses of one iteration. */
    public record Losses(double discriminator, double generator) {
    }

    public AdversarialStep(MultiLayerNetwork generator, MultiLayerNetwork discriminator, int pack, double labelSmoothing, long seed) {
        this(generator, discriminator, pack, labelSmoothing, seed, GeneratorAverage.none(generator));
    }

    public AdversarialStep(MultiLayerNetwork generator, MultiLayerNetwork discriminator, int pack, double labelSmoothing, long seed,
                           GeneratorAverage average) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.pack = pack;
        this.labelSmoothing = labelSmoothing;
        this.seed = seed;
        this.average = average;
        this.discriminatorFit = FlatAdam.fitOf(discriminator);
        this.generatorStep = FlatAdam.of(generator).<ObjLongConsumer<Gradient>>map(adam -> (gradient, rows) -> adam.step(rows))
                .orElse(this::dl4jGeneratorStep);
    }

    /**
     * Trains on one minibatch.
     *
     * @param real  [B, dim] real samples, B a multiple of {@code pack}
     * @param noise [2B, latent] generator inputs: the first B for the discriminator's fakes, the rest for the generator step
     */
    public Losses train(INDArray real, INDArray noise) {
        long rows = real.rows();
        if (rows % pack != 0) {
            throw new IllegalArgumentException("batch of " + rows + " is not a multiple of pack " + pack);
        }
        INDArray fakes = generator.output(noise.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, rows),
                org.nd4j.linalg.indexing.NDArrayIndex.all()), false);
        INDArray packedReal = packed(real);
        INDArray packedFake = packed(fakes);
        long packedRows = packedReal.rows();
        INDArray inputs = Nd4j.vstack(packedReal, packedFake);
        INDArray labels = Nd4j.vstack(Nd4j.valueArrayOf(new long[] {packedRows, 1}, 1.0 - labelSmoothing, DataType.FLOAT),
                Nd4j.zeros(DataType.FLOAT, packedRows, 1));
        discriminatorFit.accept(inputs, labels);
        double discriminatorLoss = discriminator.score();

        // Generator step: d(-log D(G(z)))/d(G(z)) from the discriminator, then backprop through G.
        INDArray z = noise.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(rows, 2 * rows),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        generator.setInput(z);
        INDArray generated = generator.feedForward(true, false).get(generator.getnLayers());
        INDArray packedGenerated = packed(generated);
        INDArray ones = Nd4j.ones(DataType.FLOAT, packedGenerated.rows(), 1);
        double generatorLoss = -Transforms.log(discriminator.output(packedGenerated, false).add(1e-7), false)
                .meanNumber().doubleValue();
        Pair<Gradient, INDArray> fromDiscriminator = discriminator.calculateGradients(packedGenerated, ones, null, null);
        INDArray epsilon = fromDiscriminator.getSecond().reshape('c', generated.rows(), generated.columns());
        Pair<Gradient, INDArray> backprop = generator.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
        generatorStep.accept(backprop.getFirst(), rows);
        average.update();
        return new Losses(discriminatorLoss, generatorLoss);
    }

    /** DL4J's updater on the generator's backpropagated gradient, for generators {@link FlatAdam} declines. */
    private void dl4jGeneratorStep(Gradient gradient, long rows) {
        int iteration = generator.getIterationCount();
        generator.getUpdater().update(generator, gradient, iteration, 0, (int) rows, LayerWorkspaceMgr.noWorkspaces());
        generator.setIterationCount(iteration + 1);
        generator.params().subi(gradient.gradient());
    }

    /**
     * One epoch: shuffles {@code minibatches}, trains on each with fresh standard-normal latents, and
     * returns the mean losses (a NaN or infinite one is left for the training context's divergence
     * guard). When {@code stop} says so between minibatches the epoch is abandoned: the result is
     * empty and the networks hold a partly trained epoch, which the caller must not checkpoint.
     */
    public Optional<Losses> epoch(Minibatches minibatches, int latentSize, long epoch, BooleanSupplier stop) {
        minibatches.shuffle();
        Nd4j.getRandom().setSeed(seed * 1_000_003L + epoch);
        double discriminatorLoss = 0;
        double generatorLoss = 0;
        for (int b = 0; b < minibatches.count(); b++) {
            if (b > 0 && stop.getAsBoolean()) {
                return Optional.empty();
            }
            INDArray real = minibatches.batch(b);
            Losses losses = train(real, Nd4j.randn(DataType.FLOAT, 2L * real.rows(), latentSize));
            discriminatorLoss += losses.discriminator();
            generatorLoss += losses.generator();
        }
        return Optional.of(new Losses(discriminatorLoss / minibatches.count(), generatorLoss / minibatches.count()));
    }

    private INDArray packed(INDArray samples) {
        return pack == 1 ? samples : samples.reshape('c', samples.rows() / pack, samples.columns() * pack);
    }
}
