package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.agents.AgentRuns;
import io.jgym.nn.FlatAdam;
import java.util.Map;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * Where {@code --max-grad-norm} clips: with Adam (every preset) the plain-Java step clips the global
 * norm, as Stable-Baselines3 does, and DL4J is told nothing; with RMSprop DL4J clips each layer.
 */
class QNetworksTest {

    private static MultiLayerNetwork build(DqnConfig config) {
        return QNetworks.build(config, 6, 3);
    }

    private static GradientNormalization normalisation(MultiLayerNetwork network, int layer) {
        return ((BaseLayer) network.getLayer(layer).conf().getLayer()).getGradientNormalization();
    }

    @Test
    void withAdamTheGlobalNormIsClippedByThePlainJavaStep() {
        MultiLayerNetwork network = build(DqnConfig.acrobot());
        for (int layer = 0; layer < network.getnLayers(); layer++) {
            GradientNormalization normalisation = normalisation(network, layer);
            assertTrue(normalisation == null || normalisation == GradientNormalization.None, "layer " + layer + ": " + normalisation);
        }
        assertTrue(FlatAdam.of(network, DqnConfig.acrobot().maxGradNorm()).isPresent(), "the plain-Java step takes the network");
    }

    @Test
    void withRmsPropDl4jClipsEachLayer() {
        DqnConfig rmsProp = AgentRuns.config(new DqnProvider(), DqnConfig.acrobot(), Map.of("optimizer", "RMSPROP"));
        MultiLayerNetwork network = build(rmsProp);
        for (int layer = 0; layer < network.getnLayers(); layer++) {
            assertEquals(GradientNormalization.ClipL2PerLayer, normalisation(network, layer), "layer " + layer);
            assertEquals(10.0, ((BaseLayer) network.getLayer(layer).conf().getLayer()).getGradientNormalizationThreshold());
        }
    }
}
