package io.jgym.generative.imagegan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class DcganColourSpreadTest {

    private static float[] flat(float r, float g, float b) {
        float[] image = new float[12]; // 3 channels x 2 x 2, channel first
        for (int pixel = 0; pixel < 4; pixel++) {
            image[pixel] = r;
            image[4 + pixel] = g;
            image[8 + pixel] = b;
        }
        return image;
    }

    @Test
    void eachGroupGetsTheSpreadOfItsMeanColoursAsOneMapPerChannel() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DcganColourSpread(2, 3, 2, 2))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutionalFlat(2, 2, 3)).build());
        network.init();
        // Group 1: two red images (no spread); group 2: a red and a blue one (0.5 in red and blue, 0 in green).
        INDArray images = Nd4j.createFromArray(new float[][] {flat(1, 0, 0), flat(1, 0, 0), flat(1, 0, 0), flat(0, 0, 1)});
        INDArray out = network.feedForward(images, false).get(1); // [4, 6, 2, 2]
        assertArrayEquals(new long[] {4, 6, 2, 2}, out.shape());
        assertEquals(0, out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)).reshape(4, 12).sub(images).amaxNumber().doubleValue(),
                1e-6, "the images pass unchanged");
        double[][] spreads = {{0, 0, 0}, {0, 0, 0}, {0.5, 0, 0.5}, {0.5, 0, 0.5}};
        for (int image = 0; image < 4; image++) {
            for (int channel = 0; channel < 3; channel++) {
                assertEquals(spreads[image][channel], out.getDouble(image, 3 + channel, 1, 0), 1e-3, "image " + image + " channel " + channel);
            }
        }
    }

    @Test
    void aDiscriminatorWithItPassesGradientsBackToTheImagesAndNeedsGroups() {
        DcganConfig config = new DcganConfig(1, null, 16, 64, 0, 1, 8, List.of(16, 8), List.of(8, 16), 2e-3, 2e-3, 0.5, 8, 1, 4, true,
                0.1, 8, 0);
        MultiLayerNetwork discriminator = config.discriminator(3, 16, 16, 10);
        INDArray images = Nd4j.rand(DataType.FLOAT, 8, 3 * 16 * 16);
        INDArray toImages = discriminator.calculateGradients(images, Nd4j.ones(DataType.FLOAT, 8, 1), null, null).getSecond();
        assertArrayEquals(new long[] {8, 3 * 16 * 16}, toImages.reshape(8, -1).shape());
        assertTrue(toImages.amaxNumber().doubleValue() > 0, "the generator gets a gradient through the new maps");
        assertThrows(IllegalArgumentException.class, () -> new DcganConfig(1, null, 16, 64, 0, 1, 8, List.of(16, 8), List.of(8, 16),
                2e-3, 2e-3, 0.5, 8, 1, 0, true, 0.1, 8, 0));
    }
}
