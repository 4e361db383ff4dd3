package io.jgym.agents.dqn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Applies a learning-rate schedule to the online network as training goes: the rate follows the
 * environment step in {@value #STAIRS} stairs over the run's horizon, because changing a DL4J
 * network's rate rebuilds its updater (the optimiser's moments are kept). The rate at a step depends on the step
 * only, so a resumed run learns exactly as an uninterrupted one. A constant schedule never touches
 * the network.
 */
final class DecayingLearningRate {
    static final int STAIRS = 50;
    private final StepSchedule schedule;
    private final long stairSteps;
    private final boolean constant;
    private double applied = Double.NaN;

    DecayingLearningRate(DqnConfig config, long horizonSteps) {
        this.schedule = config.learningRates(horizonSteps);
        this.constant = config.learningRateEnd() == config.learningRate();
        this.stairSteps = Math.max(1, horizonSteps / STAIRS);
    }

    /** Sets the rate of environment step {@code step} on {@code network} if it differs from the last one set. */
    void apply(MultiLayerNetwork network, long step) {
        if (constant) {
            return;
        }
        double rate = schedule.value(step / stairSteps * stairSteps);
        if (rate != applied) {
            network.setLearningRate(rate);
            applied = rate;
        }
    }
}
