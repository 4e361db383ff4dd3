package io.jgym.agents.dqn;

import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Plays whole episodes with the greedy policy of a trained Q-network (no exploration, no learning)
 * and returns their returns; {@code eval}, {@code play} and the benchmark use it. Episode {@code i}
 * is reset with seed {@code seed + i}, so an evaluation is repeatable.
 */
public final class GreedyEvaluator {
    private final Env env;
    private final ObservationEncoder encoder;
    private final GreedyPolicy policy;
    private final long actionStart;

    public GreedyEvaluator(MultiLayerNetwork network, Env env) {
        if (!(env.actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("a Q-network needs a Discrete action space, got " + env.actionSpace());
        }
        this.env = env;
        this.encoder = new ObservationEncoder(env.observationSpace());
        int inputs = network.layerInputSize(0);
        if (inputs != encoder.size() || network.layerSize(network.getnLayers() - 1) != discrete.n()) {
            throw new IllegalArgumentException("the model takes " + inputs + " inputs and scores "
                    + network.layerSize(network.getnLayers() - 1) + " actions, but this environment has "
                    + encoder.size() + " observation values and " + discrete.n() + " actions");
        }
        this.policy = new GreedyPolicy(network, encoder.size());
        this.actionStart = discrete.start();
    }

    /** Returns of {@code episodes} greedy episodes. */
    public double[] returns(int episodes, long seed) {
        double[] returns = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            returns[i] = episode(seed + i, step -> { });
        }
        return returns;
    }

    /** Plays one greedy episode from {@code seed}, showing every step to {@code observer}; returns its return. */
    public double episode(long seed, Consumer<Step> observer) {
        float[] observation = new float[encoder.size()];
        encoder.encode(env.reset(seed).observation(), observation);
        double total = 0;
        Step step;
        do {
            step = env.step(Value.of(actionStart + policy.act(observation)));
            observer.accept(step);
            total += step.reward();
            encoder.encode(step.observation(), observation);
        } while (!step.done());
        return total;
    }
}
