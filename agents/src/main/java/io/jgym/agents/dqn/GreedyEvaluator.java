package io.jgym.agents.dqn;

import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Plays whole episodes with a trained agent's greedy policy (no exploration, no learning) and
 * returns their returns; {@code eval}, {@code play} and the benchmark use it, for jgym's Q-networks
 * and for RL4J's policies alike. Episode {@code i}
 * is reset with seed {@code seed + i}, so an evaluation is repeatable.
 */
public final class GreedyEvaluator {
    private final Env env;
    private final ObservationEncoder encoder;
    private final ToIntFunction<float[]> policy;
    private final long actionStart;

    /** @param policy the action index (from 0) for an encoded observation */
    public GreedyEvaluator(Env env, ToIntFunction<float[]> policy) {
        if (!(env.actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("a greedy Q policy needs a Discrete action space, got " + env.actionSpace());
        }
        this.env = env;
        this.encoder = new ObservationEncoder(env.observationSpace());
        this.policy = policy;
        this.actionStart = discrete.start();
    }

    /** The evaluator of a jgym Q-network, after checking that it fits the environment. */
    public static GreedyEvaluator of(MultiLayerNetwork network, Env env) {
        int inputs = network.layerInputSize(0);
        int outputs = network.layerSize(network.getnLayers() - 1);
        int observationSize = new ObservationEncoder(env.observationSpace()).size();
        if (!(env.actionSpace() instanceof Discrete discrete) || inputs != observationSize || outputs != discrete.n()) {
            throw new IllegalArgumentException("the model takes " + inputs + " inputs and scores " + outputs
                    + " actions, but this environment has " + observationSize + " observation values and the action space "
                    + env.actionSpace());
        }
        return new GreedyEvaluator(env, new GreedyPolicy(network, observationSize)::act);
    }

    /** Returns of {@code episodes} greedy episodes. */
    public double[] returns(int episodes, long seed) {
        double[] returns = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            returns[i] = episode(seed + i, step -> { });
        }
        return returns;
    }

    /**
     * Whether the mean return of {@code episodes} greedy episodes reaches {@code threshold}; stops as
     * soon as it no longer can, given that no episode returns more than {@code bestReturn}.
     */
    public boolean meanReaches(int episodes, long seed, double threshold, double bestReturn) {
        double needed = threshold * episodes;
        double total = 0;
        for (int i = 0; i < episodes; i++) {
            total += episode(seed + i, step -> { });
            if (total + (episodes - i - 1) * bestReturn < needed) {
                return false;
            }
        }
        return total >= needed;
    }

    /** Plays one greedy episode from {@code seed}, showing every step to {@code observer}; returns its return. */
    public double episode(long seed, Consumer<Step> observer) {
        float[] observation = new float[encoder.size()];
        encoder.encode(env.reset(seed).observation(), observation);
        double total = 0;
        Step step;
        do {
            step = env.step(Value.of(actionStart + policy.applyAsInt(observation)));
            observer.accept(step);
            total += step.reward();
            encoder.encode(step.observation(), observation);
        } while (!step.done());
        return total;
    }
}
