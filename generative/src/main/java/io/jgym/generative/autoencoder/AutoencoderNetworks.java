package io.jgym.generative.autoencoder;

import io.jgym.generative.LayerHelpers;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the two autoencoders of the notebooks from their settings: the dense one ({@link AutoencoderConfig})
 * (encoder widths, a linear code, mirrored decoder, sigmoid + binary cross-entropy) and the
 * convolutional one ({@link ConvAutoencoderConfig}) for 28x28 images (conv 16-8-8 with 2x2 pooling to 4x4x8, a dense code, dense
 * 128 reshaped to 4x4x8, then convolutions and upsampling back to 28x28, sigmoid + binary
 * cross-entropy per pixel).
 */
public final class AutoencoderNetworks {
    private static final int FEATURE_SIDE = 4;
    private static final int FEATURE_CHANNELS = 8;
    private static final int CONV_CODE_LAYER = 6;

    /** A built autoencoder and where its code is. */
    public record Built(MultiLayerNetwork network, int codeLayer, boolean imageOutput) {
    }

    private AutoencoderNetworks() {
    }

    public static Built build(AutoencoderSettings settings, int height, int width) {
        if (settings instanceof AutoencoderConfig dense) {
            return dense(dense, height * width);
        }
        return conv((ConvAutoencoderConfig) settings, height, width);
    }

    /** The layer whose output is the code (the decoder starts after it). */
    public static int codeLayer(AutoencoderSettings settings) {
        return settings instanceof AutoencoderConfig dense ? dense.encoderLayers().size() : CONV_CODE_LAYER;
    }

    private static NeuralNetConfiguration.ListBuilder base(AutoencoderSettings config) {
        return new NeuralNetConfiguration.Builder().seed(config.seed()).weightInit(WeightInit.XAVIER)
                .updater(new Adam(config.learningRate())).list();
    }

    private static Built dense(AutoencoderConfig config, int pixels) {
        NeuralNetConfiguration.ListBuilder layers = base(config);
        int width = pixels;
        for (int hidden : config.encoderLayers()) {
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(hidden).activation(Activation.RELU).build());
            width = hidden;
        }
        layers.layer(new DenseLayer.Builder().nIn(width).nOut(config.codeSize()).activation(Activation.IDENTITY).build());
        width = config.codeSize();
        for (int i = config.encoderLayers().size() - 1; i >= 0; i--) {
            int hidden = config.encoderLayers().get(i);
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(hidden).activation(Activation.RELU).build());
            width = hidden;
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(width).nOut(pixels)
                .activation(Activation.SIGMOID).build());
        return new Built(init(layers), config.encoderLayers().size(), false);
    }

    private static Built conv(ConvAutoencoderConfig config, int height, int width) {
        if (height != 28 || width != 28) {
            throw new IllegalArgumentException("conv-ae is built for 28x28 images, got " + height + "x" + width
                    + "; point --data at MNIST-format files of 28x28 images");
        }
        LayerHelpers.enable();
        int flat = FEATURE_SIDE * FEATURE_SIDE * FEATURE_CHANNELS;
        NeuralNetConfiguration.ListBuilder layers = base(config)
                .layer(conv(16, Activation.RELU))
                .layer(pool())                                   // 14x14
                .layer(conv(FEATURE_CHANNELS, Activation.RELU))
                .layer(pool())                                   // 7x7
                .layer(conv(FEATURE_CHANNELS, Activation.RELU))
                .layer(pool())                                   // 4x4x8
                .layer(new DenseLayer.Builder().nOut(config.codeSize()).activation(Activation.IDENTITY).build()) // code: layer 6
                .layer(new DenseLayer.Builder().nOut(flat).activation(Activation.RELU).build())
                .layer(conv(FEATURE_CHANNELS, Activation.RELU))
                .layer(new Upsampling2D.Builder(2).build())      // 8x8
                .layer(conv(FEATURE_CHANNELS, Activation.RELU))
                .layer(new Upsampling2D.Builder(2).build())      // 16x16
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).convolutionMode(ConvolutionMode.Truncate)
                        .activation(Activation.RELU).build())     // 14x14
                .layer(new Upsampling2D.Builder(2).build())      // 28x28
                .layer(conv(1, Activation.IDENTITY))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build())
                .inputPreProcessor(8, new FeedForwardToCnnPreProcessor(FEATURE_SIDE, FEATURE_SIDE, FEATURE_CHANNELS))
                .setInputType(InputType.convolutionalFlat(height, width, 1));
        return new Built(init(layers), CONV_CODE_LAYER, true);
    }

    private static ConvolutionLayer conv(int channels, Activation activation) {
        return new ConvolutionLayer.Builder(3, 3).nOut(channels).convolutionMode(ConvolutionMode.Same)
                .activation(activation).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Same).build();
    }

    private static MultiLayerNetwork init(NeuralNetConfiguration.ListBuilder layers) {
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }
}
