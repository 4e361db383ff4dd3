package io.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgym.agents.AgentRuns;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.NetworkUtils;
import org.junit.jupiter.api.Test;

/**
 * The learning rate a DQN network trains with when {@code --learning-rate-end} is below
 * {@code --learning-rate}: held for {@code --learning-rate-decay-from} of the horizon, then a straight
 * line in stairs of 2% of the horizon to the end value, which it keeps; nothing touched when the two
 * rates are equal.
 */
class DecayingLearningRateTest {
    private static final DqnProvider PROVIDER = new DqnProvider();

    private static double rateAt(DecayingLearningRate rates, MultiLayerNetwork network, long step) {
        rates.apply(network, step);
        return NetworkUtils.getLearningRate(network, 0);
    }

    @Test
    void theRateFallsInStairsOverTheHorizonAndThenStays() {
        DqnConfig config = AgentRuns.config(PROVIDER, DqnConfig.defaults(), Map.of("learningRate", 1e-3, "learningRateEnd", 1e-4));
        MultiLayerNetwork network = QNetworks.build(config, 4, 2);
        DecayingLearningRate rates = new DecayingLearningRate(config, 10_000);
        assertEquals(1e-3, rateAt(rates, network, 0), 1e-15);
        assertEquals(1e-3 - 9e-4 * 0.5, rateAt(rates, network, 5_000), 1e-15);
        assertEquals(1e-3 - 9e-4 * 0.5, rateAt(rates, network, 5_199), 1e-15, "a stair is 2% of the horizon");
        assertEquals(1e-3 - 9e-4 * 0.52, rateAt(rates, network, 5_200), 1e-15);
        assertEquals(1e-4, rateAt(rates, network, 10_000), 1e-15);
        assertEquals(1e-4, rateAt(rates, network, 50_000), 1e-15, "an extended run stays at the end value");
    }

    @Test
    void theRateCanHoldForAFractionOfTheHorizonBeforeItFalls() {
        DqnConfig config = AgentRuns.config(PROVIDER, DqnConfig.defaults(),
                Map.of("learningRate", 1e-3, "learningRateEnd", 1e-4, "learningRateDecayFrom", 0.5));
        MultiLayerNetwork network = QNetworks.build(config, 4, 2);
        DecayingLearningRate rates = new DecayingLearningRate(config, 10_000);
        assertEquals(1e-3, rateAt(rates, network, 4_999), 1e-15);
        assertEquals(1e-3, rateAt(rates, network, 5_000), 1e-15);
        assertEquals(1e-3 - 9e-4 * 0.52, rateAt(rates, network, 7_600), 1e-15);
        assertEquals(1e-4, rateAt(rates, network, 10_000), 1e-15);
    }

    @Test
    void aConstantRateLeavesTheNetworkAlone() {
        DqnConfig config = AgentRuns.config(PROVIDER, DqnConfig.defaults(), Map.of("learningRate", 1e-3, "learningRateEnd", 1e-3));
        MultiLayerNetwork network = QNetworks.build(config, 4, 2);
        network.setLearningRate(5e-3);
        new DecayingLearningRate(config, 10_000).apply(network, 9_000);
        assertEquals(5e-3, NetworkUtils.getLearningRate(network, 0), 1e-15);
    }
}
