package io.jgym.agents.dqn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The slowly moving copy of the Q-network that values next states. Every {@code interval} gradient
 * steps it either copies the online parameters (hard update, {@code tau = 1}) or moves a fraction
 * {@code tau} of the way towards them (soft, Polyak update).
 */
public final class TargetNetwork {
    private final MultiLayerNetwork network;
    private final int interval;
    private final double tau;

    /** A target starting as an exact copy of {@code online}. */
    public TargetNetwork(MultiLayerNetwork online, int interval, double tau) {
        this.network = online.clone();
        this.interval = interval;
        this.tau = tau;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    /** Call after each gradient step with the online network's count of steps so far. */
    public void afterGradientStep(MultiLayerNetwork online, long gradientSteps) {
        if (gradientSteps % interval != 0) {
            return;
        }
        if (tau >= 1.0) {
            network.params().assign(online.params());
        } else {
            network.params().muli(1.0 - tau).addi(online.params().mul(tau));
        }
    }
}
