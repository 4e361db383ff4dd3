package io.jgym.envs.toytext;

import io.jgym.contracts.Reset;
import io.jgym.contracts.SeededEnv;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Base of the toy-text environments that Gymnasium defines by a transition table {@code P[s][a]}
 * (FrozenLake, CliffWalking, Taxi): the start state is drawn from an initial distribution and each
 * step draws one outcome of the table with {@link CategoricalSampler}, exactly one {@code random()}
 * per call as in Gymnasium. Subclasses build the table ({@link Dynamics}, immutable, so the instances
 * of one variant share it: a vector env of 1,024 Taxis holds one table, not 1,024 of 300 KB each)
 * and may add to the info dicts.
 */
abstract class TabularEnv extends SeededEnv {

    /** One possible outcome of an action: Gymnasium's {@code (prob, next_state, reward, terminated)}. */
    protected record Transition(double probability, int nextState, double reward, boolean terminated) {
    }

    /** A transition table and the outcome probabilities the sampler draws from; never changed once built. */
    protected static final class Dynamics {
        private final int actions;
        private final Transition[][][] table;
        private final double[][][] probabilities;

        /** @param table {@code table[s][a]} lists the outcomes of action {@code a} in state {@code s} */
        protected Dynamics(int actions, Transition[][][] table) {
            this.actions = actions;
            this.table = table;
            this.probabilities = new double[table.length][actions][];
            for (int s = 0; s < table.length; s++) {
                for (int a = 0; a < actions; a++) {
                    probabilities[s][a] = Arrays.stream(table[s][a]).mapToDouble(Transition::probability).toArray();
                }
            }
        }
    }

    private final double[] initialDistribution;
    private final Transition[][][] table;
    private final double[][][] probabilities;
    private int state;

    /** @param initialDistribution start-state probabilities, one per state */
    protected TabularEnv(double[] initialDistribution, Dynamics dynamics) {
        super(new Discrete(dynamics.table.length), new Discrete(dynamics.actions));
        this.initialDistribution = initialDistribution.clone();
        this.table = dynamics.table;
        this.probabilities = dynamics.probabilities;
    }

    @Override
    public final Reset reset(OptionalLong seed) {
        reseed(seed);
        state = CategoricalSampler.sample(initialDistribution, rng());
        afterReset();
        return new Reset(Value.of(state), resetInfo(state));
    }

    @Override
    public final Step step(Value action) {
        checkStep(action);
        int a = (int) ((Value.Int) action).value();
        Transition t = table[state][a][CategoricalSampler.sample(probabilities[state][a], rng())];
        int previous = state;
        state = landing(previous, t.nextState());
        return new Step(Value.of(state), t.reward(), t.terminated(), false, stepInfo(state, t));
    }

    /** The current state, for rendering. */
    protected final int state() {
        return state;
    }

    /** Called after the start state is drawn, for environments that draw more at reset. */
    protected void afterReset() {
    }

    /** The state actually reached; Taxi's fickle passenger may change the drawn one. */
    protected int landing(int from, int drawn) {
        return drawn;
    }

    /** Gymnasium's reset info: {@code {"prob": 1}}. */
    protected Map<String, Object> resetInfo(int start) {
        return Map.of("prob", 1);
    }

    /** Gymnasium's step info: the probability of the outcome drawn. */
    protected Map<String, Object> stepInfo(int reached, Transition t) {
        return Map.of("prob", t.probability());
    }
}
