package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.agents.AgentRuns;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The plain-Java forward pass gives DL4J's Q-values, follows every gradient step, and declines other networks. */
class DenseForwardTest {

    private static float[] dl4j(MultiLayerNetwork network, float[] observation) {
        INDArray input = Nd4j.createFromArray(observation).reshape(1, observation.length);
        return network.output(input, false).dup('c').data().asFloat();
    }

    @Test
    void givesTheQValuesOfDl4jBeforeAndAfterTraining() {
        DqnConfig config = AgentRuns.config(new DqnProvider(), DqnConfig.defaults(), Map.of("hiddenLayers", List.of(64, 32)));
        MultiLayerNetwork network = QNetworks.build(config, 6, 3);
        DenseForward plain = DenseForward.of(network).orElseThrow();
        Random random = new Random(5);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                float[] observation = new float[6];
                for (int j = 0; j < 6; j++) {
                    observation[j] = (float) random.nextGaussian();
                }
                assertArrayEquals(dl4j(network, observation), plain.q(observation).clone(), 1e-4f, "round " + round);
            }
            network.fit(Nd4j.rand(DataType.FLOAT, 16, 6), Nd4j.rand(DataType.FLOAT, 16, 3)); // a gradient step changes the weights
        }
    }

    @Test
    void declinesNetworksItCannotEvaluate() {
        MultiLayerNetwork tanh = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(2).activation(Activation.IDENTITY).build())
                .build());
        tanh.init();
        assertTrue(DenseForward.of(tanh).isEmpty(), "only ReLU hidden layers and a linear output are evaluated in Java");
    }
}
