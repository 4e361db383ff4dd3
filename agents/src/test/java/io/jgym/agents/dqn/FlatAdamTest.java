package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.agents.AgentRuns;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plain-Java Adam step moves a network exactly as DL4J's own {@code fit} does (parameters, Adam's
 * moments and the iteration count), through a change of learning rate, and declines networks DL4J
 * would update otherwise.
 */
class FlatAdamTest {
    private static final DqnProvider PROVIDER = new DqnProvider();

    private static float[] floats(INDArray array) {
        return array.dup().data().asFloat();
    }

    @Test
    void stepsAsDl4jsFitDoesThroughARateChange() {
        DqnConfig config = AgentRuns.config(PROVIDER, DqnConfig.defaults(), Map.of("hiddenLayers", List.of(16, 8)));
        MultiLayerNetwork dl4j = QNetworks.build(config, 5, 3);
        MultiLayerNetwork plain = QNetworks.build(config, 5, 3);
        FlatAdam adam = FlatAdam.of(plain).orElseThrow();
        INDArray start = dl4j.params().dup();
        Nd4j.getRandom().setSeed(7);
        for (int step = 0; step < 40; step++) {
            if (step == 20) {
                dl4j.setLearningRate(1e-4);
                plain.setLearningRate(1e-4);
            }
            // Each step from DL4J's state: float rounding differs in the last bit, which training would amplify.
            plain.params().assign(dl4j.params());
            plain.getUpdater().getStateViewArray().assign(dl4j.getUpdater().getStateViewArray());
            INDArray input = Nd4j.randn(DataType.FLOAT, 32, 5);
            INDArray labels = Nd4j.randn(DataType.FLOAT, 32, 3);
            dl4j.fit(input, labels);
            adam.fit(input, labels);
            assertArrayEquals(floats(dl4j.params()), floats(plain.params()), 1e-6f, "parameters after step " + step);
            assertArrayEquals(floats(dl4j.getUpdater().getStateViewArray()), floats(plain.getUpdater().getStateViewArray()), 1e-6f,
                    "Adam's moments after step " + step + ", which a checkpoint saves");
            assertEquals(dl4j.getIterationCount(), plain.getIterationCount());
        }
        double moved = dl4j.params().sub(start).norm2Number().doubleValue();
        assertTrue(moved > 1e-2, "the steps moved the parameters: " + moved);
    }

    @Test
    void declinesOtherOptimisersAndGradientClipping() {
        assertTrue(FlatAdam.of(QNetworks.build(AgentRuns.config(PROVIDER, DqnConfig.defaults(), Map.of("optimizer", "RMSPROP")), 4, 2))
                .isEmpty());
        assertTrue(FlatAdam.of(QNetworks.build(AgentRuns.config(PROVIDER, DqnConfig.defaults(), Map.of("maxGradNorm", 10.0)), 4, 2))
                .isEmpty());
    }
}
