package io.jgym.generative.gan;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds dense GAN networks from widths: a generator of LeakyReLU layers ending in a plain
 * {@code DenseLayer} (it is trained through the discriminator's input gradient, which an
 * {@code OutputLayer} cannot take), and a discriminator of LeakyReLU layers, each followed by
 * dropout, ending in a sigmoid unit with binary cross-entropy. Both use Adam with the given beta1 and a learning
 * rate that decays exponentially by {@code finalFactor} over {@code iterations} updates.
 */
public final class GanNetworks {
    private GanNetworks() {
    }

    /** A generator from {@code latent} values to {@code outputs} values. */
    public static MultiLayerNetwork generator(long seed, int latent, List<Integer> hidden, int outputs, Activation output,
                                              ISchedule learningRate, double beta1) {
        return init(generatorLayers(seed, latent, hidden, outputs, output, learningRate, beta1));
    }

    /**
     * A generator whose trained layers are followed by a fixed linear map {@code fixed} (row-major
     * [outputs, outputs], no bias), held constant by {@code FrozenLayerWithBackprop} while the
     * gradient still flows through it to the layers before.
     */
    public static MultiLayerNetwork generator(long seed, int latent, List<Integer> hidden, int outputs, Activation output,
                                              ISchedule learningRate, double beta1, float[] fixed) {
        NeuralNetConfiguration.ListBuilder layers = generatorLayers(seed, latent, hidden, outputs, output, learningRate, beta1);
        layers.layer(new FrozenLayerWithBackprop(new DenseLayer.Builder().nIn(outputs).nOut(outputs)
                .activation(Activation.IDENTITY).hasBias(false).build()));
        MultiLayerNetwork network = init(layers);
        network.getLayer(hidden.size() + 1).setParam(DefaultParamInitializer.WEIGHT_KEY,
                Nd4j.create(fixed, new long[] {outputs, outputs}, 'c'));
        return network;
    }

    private static NeuralNetConfiguration.ListBuilder generatorLayers(long seed, int latent, List<Integer> hidden, int outputs,
                                                                     Activation output, ISchedule learningRate, double beta1) {
        NeuralNetConfiguration.ListBuilder layers = base(seed, learningRate, beta1).list();
        int width = latent;
        for (int h : hidden) {
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(h).activation(Activation.LEAKYRELU).build());
            width = h;
        }
        layers.layer(new DenseLayer.Builder().nIn(width).nOut(outputs).activation(output).build());
        return layers;
    }

    /** A discriminator from {@code inputs} values to the probability that they are real. */
    public static MultiLayerNetwork discriminator(long seed, int inputs, List<Integer> hidden, double dropout,
                                                  ISchedule learningRate, double beta1) {
        NeuralNetConfiguration.ListBuilder layers = base(seed + 1, learningRate, beta1).list();
        int width = inputs;
        for (int h : hidden) {
            layers.layer(droppingInputs(new DenseLayer.Builder(), width == inputs ? 0 : dropout)
                    .nIn(width).nOut(h).activation(Activation.LEAKYRELU).build());
            width = h;
        }
        layers.layer(droppingInputs(new OutputLayer.Builder(LossFunctions.LossFunction.XENT), dropout)
                .nIn(width).nOut(1).activation(Activation.SIGMOID).build());
        return init(layers);
    }

    /**
     * DL4J applies a layer's dropout to that layer's inputs, so dropout after each hidden layer is
     * set on the layer after it; the image itself is never dropped (dropping 30% of its pixels left
     * the discriminator blind to single-pixel noise, and the generator's samples full of it).
     */
    private static <B extends org.deeplearning4j.nn.conf.layers.BaseLayer.Builder<B>> B droppingInputs(B layer, double dropout) {
        return dropout > 0 ? layer.dropOut(1.0 - dropout) : layer; // DL4J takes the probability of keeping a unit
    }

    /** {@code learningRate} times {@code finalFactor^(iteration / iterations)}. */
    public static ISchedule decaying(double learningRate, double finalFactor, long iterations) {
        return new ExponentialSchedule(ScheduleType.ITERATION, learningRate, Math.pow(finalFactor, 1.0 / Math.max(1, iterations)));
    }

    private static NeuralNetConfiguration.Builder base(long seed, ISchedule learningRate, double beta1) {
        return new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.XAVIER)
                .updater(Adam.builder().learningRateSchedule(learningRate).beta1(beta1).build());
    }

    private static MultiLayerNetwork init(NeuralNetConfiguration.ListBuilder layers) {
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }
}
