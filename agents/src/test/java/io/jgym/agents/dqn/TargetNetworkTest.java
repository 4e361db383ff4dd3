package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TargetNetworkTest {
    private final MultiLayerNetwork online = QNetworks.build(DqnConfig.defaults(), 4, 2);

    private void trainOnce() {
        online.fit(Nd4j.ones(DataType.FLOAT, 8, 4), Nd4j.ones(DataType.FLOAT, 8, 2).muli(10));
    }

    @Test
    void hardUpdateCopiesOnlyAtTheInterval() {
        TargetNetwork target = new TargetNetwork(online, 3, 1.0);
        INDArray initial = target.network().params().dup();
        trainOnce();
        target.afterGradientStep(online, 1);
        assertEquals(initial, target.network().params(), "no copy before the interval");
        assertNotEquals(initial, online.params());
        target.afterGradientStep(online, 3);
        assertEquals(online.params(), target.network().params());
    }

    @Test
    void softUpdateMovesTauOfTheWay() {
        TargetNetwork target = new TargetNetwork(online, 1, 0.25);
        INDArray before = target.network().params().dup();
        trainOnce();
        target.afterGradientStep(online, 1);
        INDArray expected = before.mul(0.75).addi(online.params().mul(0.25));
        assertEquals(0.0, expected.sub(target.network().params()).amaxNumber().doubleValue(), 1e-6);
    }
}
