package io.jgym.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The plain-Java Adam step moves a network exactly as DL4J does (parameters, Adam's moments and the
 * iteration count), for a fit and for a gradient taken by backpropagation (a GAN's generator),
 * through a change of learning rate, under a schedule and past a frozen layer, and declines networks
 * DL4J would update otherwise.
 */
class FlatAdamTest {

    /** A 5-16-8-3 network; with {@code withLoss} its top is an output layer (a fit), else a dense layer (a GAN's generator). */
    private static MultiLayerNetwork network(IUpdater updater, boolean clipped, boolean withLoss) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder().seed(3).updater(updater);
        if (clipped) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(1.0);
        }
        MultiLayerNetwork network = new MultiLayerNetwork(builder.list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(16).nOut(8).activation(Activation.LEAKYRELU).build())
                .layer(withLoss ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(3).activation(Activation.IDENTITY).build()
                        : new DenseLayer.Builder().nIn(8).nOut(3).activation(Activation.TANH).build())
                .build());
        network.init();
        return network;
    }

    private static float[] floats(INDArray array) {
        return array.dup().data().asFloat();
    }

    /** Sets {@code plain} to {@code dl4j}'s parameters and moments: float rounding would otherwise only be compared once. */
    private static void copy(MultiLayerNetwork dl4j, MultiLayerNetwork plain) {
        plain.params().assign(dl4j.params());
        plain.getUpdater().getStateViewArray().assign(dl4j.getUpdater().getStateViewArray());
    }

    private static void assertSame(MultiLayerNetwork dl4j, MultiLayerNetwork plain, int step) {
        assertArrayEquals(floats(dl4j.params()), floats(plain.params()), 1e-6f, "parameters after step " + step);
        assertArrayEquals(floats(dl4j.getUpdater().getStateViewArray()), floats(plain.getUpdater().getStateViewArray()), 1e-6f,
                "Adam's moments after step " + step + ", which a saved network keeps");
        assertEquals(dl4j.getIterationCount(), plain.getIterationCount());
    }

    /**
     * A GAN generator's step from {@code dl4j}'s state on both networks: backpropagation of a random
     * output gradient for {@code rows} random inputs, then DL4J's updater and parameter update on
     * {@code dl4j} and {@code adam}'s step on {@code plain}.
     */
    private static void backpropagatedStepBothWays(MultiLayerNetwork dl4j, MultiLayerNetwork plain, FlatAdam adam, int rows) {
        copy(dl4j, plain);
        INDArray input = Nd4j.randn(DataType.FLOAT, rows, 5);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, rows, 3);
        for (MultiLayerNetwork network : new MultiLayerNetwork[] {dl4j, plain}) {
            network.setInput(input);
            network.feedForward(true, false);
        }
        Gradient gradient = dl4j.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces()).getFirst();
        int iteration = dl4j.getIterationCount();
        dl4j.getUpdater().update(dl4j, gradient, iteration, 0, rows, LayerWorkspaceMgr.noWorkspaces());
        dl4j.setIterationCount(iteration + 1);
        dl4j.params().subi(gradient.gradient());
        plain.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
        adam.step(rows);
    }

    @Test
    void fitsAsDl4jsFitDoesThroughARateChange() {
        MultiLayerNetwork dl4j = network(new Adam(3e-3), false, true);
        MultiLayerNetwork plain = network(new Adam(3e-3), false, true);
        FlatAdam adam = FlatAdam.of(plain).orElseThrow();
        INDArray start = dl4j.params().dup();
        Nd4j.getRandom().setSeed(7);
        for (int step = 0; step < 40; step++) {
            if (step == 20) {
                dl4j.setLearningRate(1e-4);
                plain.setLearningRate(1e-4);
            }
            copy(dl4j, plain);
            INDArray input = Nd4j.randn(DataType.FLOAT, 32, 5);
            INDArray labels = Nd4j.randn(DataType.FLOAT, 32, 3);
            dl4j.fit(input, labels);
            adam.fit(input, labels);
            assertSame(dl4j, plain, step);
        }
        double moved = dl4j.params().sub(start).norm2Number().doubleValue();
        assertTrue(moved > 1e-2, "the steps moved the parameters: " + moved);
    }

    @Test
    void stepsOnABackpropagatedGradientAsDl4jsUpdaterDoesUnderASchedule() {
        Adam scheduled = new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 2e-3, 0.99));
        scheduled.setBeta1(0.5);
        MultiLayerNetwork dl4j = network(scheduled.clone(), false, false);
        MultiLayerNetwork plain = network(scheduled.clone(), false, false);
        FlatAdam adam = FlatAdam.of(plain).orElseThrow();
        Nd4j.getRandom().setSeed(11);
        for (int step = 0; step < 30; step++) {
            backpropagatedStepBothWays(dl4j, plain, adam, 24);
            assertSame(dl4j, plain, step);
        }
    }

    @Test
    void leavesAFrozenLayerAloneAndStepsTheRestAsDl4jDoes() {
        MultiLayerNetwork dl4j = filtered();
        MultiLayerNetwork plain = filtered();
        FlatAdam adam = FlatAdam.of(plain).orElseThrow();
        INDArray frozen = plain.getLayer(2).params().dup();
        Nd4j.getRandom().setSeed(13);
        for (int step = 0; step < 20; step++) {
            backpropagatedStepBothWays(dl4j, plain, adam, 16);
            assertSame(dl4j, plain, step);
        }
        assertEquals(frozen, plain.getLayer(2).params(), "the frozen layer's weights never move");
    }

    @Test
    void flushesMomentsThatDecayBelowFloatsNormalRangeAndStillMovesTheParametersAsDl4jDoes() {
        MultiLayerNetwork dl4j = network(new Adam(3e-3), false, true);
        MultiLayerNetwork plain = network(new Adam(3e-3), false, true);
        FlatAdam adam = FlatAdam.of(plain).orElseThrow();
        Nd4j.getRandom().setSeed(17);
        INDArray input = Nd4j.randn(DataType.FLOAT, 32, 5);
        INDArray labels = Nd4j.randn(DataType.FLOAT, 32, 3);
        dl4j.fit(input, labels);
        adam.fit(input, labels);
        // The gradient then falls silent, as a dead unit's does: the first moments decay by 0.9 a step into the subnormal range.
        for (int step = 0; step < 880; step++) {
            dl4j.setInput(input);
            dl4j.setLabels(labels);
            dl4j.computeGradientAndScore();
            Gradient gradient = dl4j.gradient();
            gradient.gradient().assign(0);
            int iteration = dl4j.getIterationCount();
            dl4j.getUpdater().update(dl4j, gradient, iteration, 0, 32, LayerWorkspaceMgr.noWorkspaces());
            dl4j.setIterationCount(iteration + 1);
            dl4j.params().subi(gradient.gradient());
            plain.getFlattenedGradients().assign(0);
            adam.step(32);
        }
        assertTrue(subnormals(dl4j.getUpdater().getStateViewArray()) > 0, "DL4J keeps subnormal moments");
        assertEquals(0, subnormals(plain.getUpdater().getStateViewArray()), "the plain-Java step flushes them");
        assertArrayEquals(floats(dl4j.params()), floats(plain.params()), "the same parameters, bit for bit");
        assertSame(dl4j, plain, 880);
    }

    private static long subnormals(INDArray array) {
        float[] values = floats(array);
        return IntStream.range(0, values.length).filter(i -> values[i] != 0f && Math.abs(values[i]) < Float.MIN_NORMAL).count();
    }

    /** Two trained dense layers, then a frozen one (sine-gan's low-pass filter is such a layer). */
    private static MultiLayerNetwork filtered() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(16).nOut(3).activation(Activation.TANH).build())
                .layer(new FrozenLayerWithBackprop(new DenseLayer.Builder().nIn(3).nOut(3).activation(Activation.IDENTITY).build()))
                .build());
        network.init();
        return network;
    }

    @Test
    void clipsTheGlobalNormOfTheMeanGradientAsPyTorchDoesAndLeavesShorterGradientsAlone() {
        MultiLayerNetwork dl4j = network(new Adam(3e-3), false, true);
        MultiLayerNetwork plain = network(new Adam(3e-3), false, true);
        double maxNorm = 0.3;
        FlatAdam adam = FlatAdam.of(plain, maxNorm).orElseThrow();
        Nd4j.getRandom().setSeed(19);
        int clipped = 0;
        for (int step = 0; step < 30; step++) {
            copy(dl4j, plain);
            // Labels far from the outputs early on, close to them later: long gradients, then short ones.
            INDArray input = Nd4j.randn(DataType.FLOAT, 16, 5);
            INDArray labels = dl4j.output(input).add(Nd4j.randn(DataType.FLOAT, 16, 3).muli(step < 15 ? 4.0 : 0.01));
            dl4j.setInput(input);
            dl4j.setLabels(labels);
            dl4j.computeGradientAndScore();
            Gradient gradient = dl4j.gradient();
            double norm = gradient.gradient().norm2Number().doubleValue() / 16;
            if (norm > maxNorm) {
                gradient.gradient().muli(maxNorm / (norm + 1e-6)); // the mean gradient scaled to the largest norm, then DL4J's Adam
                clipped++;
            }
            int iteration = dl4j.getIterationCount();
            dl4j.getUpdater().update(dl4j, gradient, iteration, 0, 16, LayerWorkspaceMgr.noWorkspaces());
            dl4j.setIterationCount(iteration + 1);
            dl4j.params().subi(gradient.gradient());
            adam.fit(input, labels);
            assertSame(dl4j, plain, step);
        }
        assertTrue(clipped >= 10 && clipped <= 20, "both long and short gradients were stepped on: " + clipped + " of 30 clipped");
    }

    @Test
    void declinesOtherOptimisersAndGradientClipping() {
        assertTrue(FlatAdam.of(network(new RmsProp(1e-3), false, true)).isEmpty());
        assertTrue(FlatAdam.of(network(new Adam(1e-3), true, true)).isEmpty());
    }
}
