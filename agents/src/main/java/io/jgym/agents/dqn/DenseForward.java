package io.jgym.agents.dqn;

import java.util.Arrays;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/**
 * The Q-values of one observation computed in plain Java from a copy of the network's weights:
 * for the small dense networks of a DQN (ReLU hidden layers, a linear output) one DL4J
 * {@code output} call costs about 95 us, almost all of it in crossing into native code, while the
 * arithmetic (4,500 multiply-adds for 4-64-64-2) takes a few microseconds. Acting and greedy
 * evaluation go through this; training still fits with DL4J. The copy is refreshed whenever the
 * network has taken a gradient step since (its iteration count changed), so it always acts with the
 * current weights.
 */
final class DenseForward {
    private final MultiLayerNetwork network;
    private final float[][] weights;
    private final float[][] biases;
    private final float[][] activations;
    private int copiedAt = -1;

    private DenseForward(MultiLayerNetwork network) {
        this.network = network;
        int layers = network.getnLayers();
        this.weights = new float[layers][];
        this.biases = new float[layers][];
        this.activations = new float[layers][];
        for (int i = 0; i < layers; i++) {
            activations[i] = new float[network.layerSize(i)];
        }
    }

    /** The plain-Java forward pass of {@code network}, when it is a stack of ReLU dense layers with a linear output. */
    static Optional<DenseForward> of(MultiLayerNetwork network) {
        int layers = network.getnLayers();
        if (network.params().data().length() != network.numParams()) {
            return Optional.empty(); // parameters that are a view into a larger buffer: not laid out as read here
        }
        for (int i = 0; i < layers; i++) {
            Layer layer = network.getLayerWiseConfigurations().getConf(i).getLayer();
            boolean last = i == layers - 1;
            boolean fits = last ? layer instanceof OutputLayer output && output.getActivationFn() instanceof ActivationIdentity
                    : layer instanceof DenseLayer dense && dense.getActivationFn() instanceof ActivationReLU;
            if (!fits || ((BaseLayer) layer).getIDropout() != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new DenseForward(network));
    }

    /** The Q-values of {@code observation}; the returned array is reused by the next call. */
    float[] q(float[] observation) {
        if (copiedAt != network.getIterationCount()) {
            copyWeights();
        }
        float[] input = observation;
        for (int layer = 0; layer < weights.length; layer++) {
            float[] w = weights[layer];
            float[] out = activations[layer];
            int outputs = out.length;
            System.arraycopy(biases[layer], 0, out, 0, outputs);
            for (int i = 0; i < input.length; i++) {
                float x = input[i];
                if (x != 0f) {
                    int row = i * outputs;
                    for (int j = 0; j < outputs; j++) {
                        out[j] += x * w[row + j];
                    }
                }
            }
            if (layer < weights.length - 1) {
                for (int j = 0; j < outputs; j++) {
                    out[j] = Math.max(0f, out[j]);
                }
            }
            input = out;
        }
        return input;
    }

    /**
     * Copies the weights out of the network's flattened parameter vector in one native call, making
     * no new ND4J arrays: per layer DL4J stores W (inputs x outputs, column-major) and then b.
     */
    private void copyWeights() {
        float[] flat = network.params().data().asFloat();
        int at = 0;
        int inputs = network.layerInputSize(0);
        for (int layer = 0; layer < weights.length; layer++) {
            int outputs = activations[layer].length;
            float[] w = weights[layer] != null ? weights[layer] : new float[inputs * outputs];
            for (int j = 0; j < outputs; j++) {
                for (int i = 0; i < inputs; i++) {
                    w[i * outputs + j] = flat[at + j * inputs + i]; // to [inputs][outputs], row-major
                }
            }
            at += inputs * outputs;
            weights[layer] = w;
            biases[layer] = Arrays.copyOfRange(flat, at, at + outputs);
            at += outputs;
            inputs = outputs;
        }
        copiedAt = network.getIterationCount();
    }
}
