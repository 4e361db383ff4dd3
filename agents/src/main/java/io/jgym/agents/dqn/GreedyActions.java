package io.jgym.agents.dqn;

import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Picks the action index with the highest Q-value for one encoded observation, without allocating
 * for the dense networks a DQN builds. The training loop acts through this; a
 * {@link GreedyPolicy} wraps it for {@code eval}, {@code play} and the greedy checks.
 */
final class GreedyActions {
    private final MultiLayerNetwork network;
    private final Optional<DenseForward> plain;
    private final INDArray input;
    private final int actions;

    GreedyActions(MultiLayerNetwork network, int observationSize) {
        this.network = network;
        this.plain = DenseForward.of(network);
        this.input = Nd4j.create(DataType.FLOAT, 1, observationSize);
        this.actions = network.layerSize(network.getnLayers() - 1);
    }

    /**
     * The greedy action index; ties go to the lowest index, as numpy's argmax does. Dense ReLU
     * networks (every network jgym's DQN builds) are evaluated in plain Java ({@link DenseForward});
     * others through DL4J.
     */
    int act(float[] observation) {
        if (plain.isPresent()) {
            return argmax(plain.get().q(observation), 0, actions);
        }
        input.data().setData(observation);
        return argmax(values(network.output(input, false)), 0, actions);
    }

    /** Q-values row after row, whatever memory order DL4J returned them in. */
    static float[] values(INDArray q) {
        return (q.ordering() == 'c' && !q.isView() ? q : q.dup('c')).data().asFloat();
    }

    /** Index of the largest of {@code values[from .. from + count)}, relative to {@code from}. */
    static int argmax(float[] values, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
