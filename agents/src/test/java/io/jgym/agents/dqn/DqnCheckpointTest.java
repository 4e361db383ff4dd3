package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgym.contracts.training.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalDouble;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The DQN's files in a checkpoint; where checkpoints go and how many are kept is the store's (run-folder's) business. */
class DqnCheckpointTest {

    @Test
    void savedThenLoadedStateActsAndContinuesIdentically(@TempDir Path dir) throws IOException {
        MultiLayerNetwork network = QNetworks.build(DqnConfig.defaults(), 4, 2);
        for (int i = 0; i < 20; i++) {
            network.fit(Nd4j.rand(DataType.FLOAT, 32, 4), Nd4j.rand(DataType.FLOAT, 32, 2));
        }
        ReplayBuffer buffer = new ReplayBuffer(16, 4);
        buffer.add(new float[] {1, 2, 3, 4}, 1, 1.0, new float[] {2, 3, 4, 5}, true);
        new DqnCheckpoint(network, network.params().data().asFloat(), buffer, 42L, 7, 1234L,
                new ArrayDeque<>(List.of(10.0, 20.0)), 200_000L, 187.5).writeTo(dir);
        DqnCheckpoint loaded = DqnCheckpoint.load(new Checkpoint(dir, 7, OptionalDouble.empty()));

        GreedyActions original = new GreedyActions(network, 4);
        GreedyActions restored = new GreedyActions(loaded.online(), 4);
        SplitMix64 random = new SplitMix64(1);
        for (int i = 0; i < 500; i++) {
            float[] observation = {(float) random.nextDouble() * 4 - 2, (float) random.nextDouble() * 4 - 2,
                    (float) random.nextDouble() - 0.5f, (float) random.nextDouble() * 4 - 2};
            assertEquals(original.act(observation), restored.act(observation));
        }
        assertEquals(network.params(), loaded.online().params());
        assertEquals(network.getIterationCount(), loaded.online().getIterationCount(), "optimiser step count survives");
        assertEquals(7, loaded.nextEpisode());
        assertEquals(1234, loaded.totalSteps());
        assertEquals(42, loaded.randomState());
        assertEquals(200_000, loaded.scheduleHorizon());
        assertEquals(187.5, loaded.bestGreedyMean());
        assertEquals(List.of(10.0, 20.0), List.copyOf(loaded.recentReturns()));
        assertArrayEquals(network.params().data().asFloat(), loaded.targetParameters());
        assertEquals(1, loaded.buffer().size());
    }

    @Test
    void aMissingModelIsAClearError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DqnCheckpoint.loadModel(dir.resolve("nope.zip")));
        assertEquals("no model at " + dir.resolve("nope.zip"), e.getMessage());
    }
}
