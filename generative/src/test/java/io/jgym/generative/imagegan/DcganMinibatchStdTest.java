package io.jgym.generative.imagegan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class DcganMinibatchStdTest {

    @Test
    void eachGroupGetsItsOwnSpreadAsAnExtraMapAndTheFeaturesPassUnchanged() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DcganMinibatchStd(2, 1, 2, 2))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(2, 2, 1)).build());
        network.init();
        // Group 1: two equal images; group 2: two images 0.6 apart at every pixel (spread 0.3).
        INDArray images = Nd4j.createFromArray(new float[][] {
                {0.1f, 0.2f, 0.3f, 0.4f}, {0.1f, 0.2f, 0.3f, 0.4f}, {0f, 0f, 0f, 0f}, {0.6f, 0.6f, 0.6f, 0.6f}});
        INDArray out = network.feedForward(images.reshape(4, 1, 2, 2), false).get(1); // [4, 2, 2, 2]
        assertEquals(0, out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                .reshape(4, 4).sub(images).amaxNumber().doubleValue(), 1e-6, "the features pass unchanged");
        for (int image = 0; image < 4; image++) {
            double expected = image < 2 ? 0 : 0.3;
            for (int pixel = 0; pixel < 4; pixel++) {
                assertEquals(expected, out.getDouble(image, 1, pixel / 2, pixel % 2), 1e-3, "image " + image + " pixel " + pixel);
            }
        }
    }
}
