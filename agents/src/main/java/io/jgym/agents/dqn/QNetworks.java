package io.jgym.agents.dqn;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the Q-network a {@link DqnConfig} describes: ReLU hidden layers of the configured widths
 * and a linear output with one Q-value per action. The output layer's loss is squared error; the
 * Huber loss is obtained by clipping the TD error in the targets (see {@link DqnLearner}). With
 * Adam, {@code --max-grad-norm} clips the global norm in {@link DqnLearner}'s step; with the other
 * optimisers DL4J clips each layer's gradient.
 */
public final class QNetworks {
    private QNetworks() {
    }

    /** A freshly initialised network for {@code inputs} observation values and {@code actions} actions. */
    public static MultiLayerNetwork build(DqnConfig config, int inputs, int actions) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .weightInit(WeightInit.RELU)
                .updater(updater(config));
        if (config.maxGradNorm() > 0 && config.optimizer() != DqnConfig.Optimizer.ADAM) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(config.maxGradNorm());
        }
        NeuralNetConfiguration.ListBuilder layers = builder.list();
        int width = inputs;
        for (int hidden : config.hiddenLayers()) {
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(hidden).activation(Activation.RELU).build());
            width = hidden;
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nIn(width).nOut(actions).activation(Activation.IDENTITY).build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    private static IUpdater updater(DqnConfig config) {
        return switch (config.optimizer()) {
            case ADAM -> new Adam(config.learningRate());
            case RMSPROP -> new RmsProp(config.learningRate());
            case SGD -> new Sgd(config.learningRate());
        };
    }
}
