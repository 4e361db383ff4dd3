package io.jgym.generative.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GeneratorAverageTest {

    private static MultiLayerNetwork generator() {
        return GanNetworks.generator(1, 4, List.of(8), 6, Activation.TANH, GanNetworks.decaying(1e-3, 1.0, 10), 0.5);
    }

    private static MultiLayerNetwork discriminator() {
        return GanNetworks.discriminator(1, 6, List.of(8), 0.0, GanNetworks.decaying(1e-3, 1.0, 10), 0.5);
    }

    @Test
    void followsTheGeneratorByTheWarmedUpDecayAfterEachStep() {
        MultiLayerNetwork generator = generator();
        GeneratorAverage average = GeneratorAverage.of(generator, generator::clone, 0.999);
        AdversarialStep step = new AdversarialStep(generator, discriminator(), 1, 0.0, 1, average);
        float[] expected = generator.params().toFloatVector();
        Nd4j.getRandom().setSeed(3);
        for (int t = 1; t <= 5; t++) {
            step.train(Nd4j.rand(DataType.FLOAT, 4, 6), Nd4j.randn(DataType.FLOAT, 8, 4));
            double kept = Math.min(0.999, (1.0 + t) / (10.0 + t));
            float[] now = generator.params().toFloatVector();
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (float) (kept * expected[i] + (1 - kept) * now[i]);
            }
        }
        assertTrue(average.averaging());
        assertArrayEquals(expected, average.network().params().toFloatVector(), 1e-6f);
        assertFalse(java.util.Arrays.equals(expected, generator.params().toFloatVector()), "the average lags the generator");
    }

    @Test
    void decayZeroSamplesTheGeneratorItselfAndBadDecaysAreRefused() {
        MultiLayerNetwork generator = generator();
        GeneratorAverage none = GeneratorAverage.of(generator, () -> {
            throw new AssertionError("no average, so no starting copy is needed");
        }, 0);
        assertSame(generator, none.network());
        assertFalse(none.averaging());
        INDArray before = generator.params().dup();
        none.update();
        assertArrayEquals(before.toFloatVector(), generator.params().toFloatVector());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratorAverage.of(generator, generator::clone, 1.0));
        assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
    }
}
