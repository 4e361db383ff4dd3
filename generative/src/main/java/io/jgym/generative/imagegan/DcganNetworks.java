package io.jgym.generative.imagegan;

import io.jgym.generative.LayerHelpers;
import io.jgym.generative.QuietSameDiff;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the two networks of {@code dcgan-rgb} from a {@link DcganConfig}. Both take and give flat
 * images (channel by channel, row by row), so {@link io.jgym.generative.gan.AdversarialStep} can
 * pass the discriminator's input gradient straight back into the generator. Generator: dense to
 * the first filters at 1/2^n of the image size, batch normalisation and ReLU, then per doubling a
 * nearest-neighbour 2x upsampling and a 3x3 convolution (batch normalisation and ReLU between them,
 * tanh at the end), flattened. This resize-convolution replaces the 4x4 stride-2 transposed
 * convolutions of the DCGAN paper: those overlap unevenly and printed a checkerboard on the
 * samples, and ND4J's transposed convolution was most of a training step even in ND4J's oneDNN
 * build, where the convolution layers run on oneDNN (docs/benchmarks.md).
 * Discriminator: optionally the {@link DcganColourSpread} maps at its input, 4x4 stride-2 convolutions
 * with LeakyReLU 0.2, optionally a {@link DcganMinibatchStd} feature map, then a sigmoid output; it takes
 * {@code pack} flat images side by side, which read as one image with {@code pack} times the channels.
 */
final class DcganNetworks {
    private DcganNetworks() {
    }

    static MultiLayerNetwork generator(DcganConfig config, int channels, int height, int width) {
        LayerHelpers.enable();
        int halvings = halvings(config, height, width);
        int smallH = height >> halvings;
        int smallW = width >> halvings;
        int first = config.generatorFilters().get(0);
        NeuralNetConfiguration.ListBuilder layers = base(config.seed(), config.learningRate(), config).list();
        layers.layer(new DenseLayer.Builder().nIn(config.latentSize()).nOut(first * smallH * smallW).activation(Activation.IDENTITY).build());
        layers.layer(new BatchNormalization.Builder().nOut(first * smallH * smallW).activation(Activation.RELU).build());
        int layer = 2;
        layers.inputPreProcessor(layer, new FeedForwardToCnnPreProcessor(smallH, smallW, first));
        int in = first;
        for (int i = 0; i < halvings; i++) {
            boolean last = i == halvings - 1;
            int out = last ? channels : config.generatorFilters().get(i + 1);
            layers.layer(layer++, new Upsampling2D.Builder(2).build());
            layers.layer(layer++, new ConvolutionLayer.Builder(3, 3).nIn(in).nOut(out).convolutionMode(ConvolutionMode.Same)
                    .activation(last ? Activation.TANH : Activation.IDENTITY).build());
            if (!last) {
                layers.layer(layer++, new BatchNormalization.Builder().nOut(out).activation(Activation.RELU).build());
            }
            in = out;
        }
        layers.inputPreProcessor(layer, new CnnToFeedForwardPreProcessor(height, width, channels));
        layers.layer(layer, new ActivationLayer.Builder().activation(Activation.IDENTITY).build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    static MultiLayerNetwork discriminator(DcganConfig config, int channels, int height, int width) {
        LayerHelpers.enable();
        halvings(config, height, width);
        NeuralNetConfiguration.ListBuilder layers = base(config.seed() + 1, config.discriminatorLearningRate(), config).list();
        int in = channels * config.pack(); // packed images arrive one after the other: as stacked channels
        int group = config.minibatchStdGroup();
        if (config.colourSpread()) {
            layers.layer(new DcganColourSpread(group, in, height, width));
            in *= 2;
        }
        for (int out : config.discriminatorFilters()) {
            layers.layer(new ConvolutionLayer.Builder().nIn(in).nOut(out).kernelSize(4, 4).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Same).activation(new ActivationLReLU(0.2)).build());
            in = out;
        }
        if (group > 0) {
            int halvings = config.discriminatorFilters().size();
            layers.layer(new DcganMinibatchStd(group, in, height >> halvings, width >> halvings));
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build());
        layers.setInputType(InputType.convolutionalFlat(height, width, channels * config.pack()));
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        if (group > 0) {
            // The SameDiff layer builds its gradient function on the first backward pass: do it here, quietly.
            QuietSameDiff.run(() -> network.calculateGradients(Nd4j.zeros(DataType.FLOAT, group, (long) channels * config.pack() * height * width),
                    Nd4j.zeros(DataType.FLOAT, group, 1), null, null));
        }
        return network;
    }

    private static int halvings(DcganConfig config, int height, int width) {
        int halvings = config.generatorFilters().size();
        if (height % (1 << halvings) != 0 || width % (1 << halvings) != 0) {
            throw new IllegalArgumentException(height + "x" + width + " images cannot be halved " + halvings
                    + " times; use images whose sides divide by " + (1 << halvings) + " or fewer filters");
        }
        return halvings;
    }

    private static NeuralNetConfiguration.Builder base(long seed, double learningRate, DcganConfig config) {
        return new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.RELU)
                .updater(Adam.builder().learningRate(learningRate).beta1(config.beta1()).build());
    }
}
