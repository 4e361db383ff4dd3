package io.jgym.agents.dqn;

import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.Policy;
import java.util.function.ToIntFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained agent as the contract's {@link Policy}: encodes the observation as training did,
 * picks an action index greedily (no exploration, no learning) and returns it as an element of the
 * Discrete action space. {@code eval}, {@code play}, the greedy checks during training and the
 * benchmark play through this, for jgym's Q-networks and for RL4J's alike.
 */
public final class GreedyPolicy implements Policy {
    private final ObservationEncoder encoder;
    private final ToIntFunction<float[]> chooser;
    private final long actionStart;
    private final float[] encoded;

    /**
     * @param chooser the action index (from 0) for an encoded observation
     * @throws IllegalArgumentException if the action space is not Discrete
     */
    public GreedyPolicy(ToIntFunction<float[]> chooser, Space observationSpace, Space actionSpace) {
        if (!(actionSpace instanceof Discrete discrete)) {
            throw new IllegalArgumentException("a greedy Q policy needs a Discrete action space, got " + actionSpace);
        }
        this.encoder = new ObservationEncoder(observationSpace);
        this.chooser = chooser;
        this.actionStart = discrete.start();
        this.encoded = new float[encoder.size()];
    }

    /**
     * The greedy policy of a Q-network (jgym's or RL4J's), after checking that it fits the spaces.
     *
     * @throws IllegalArgumentException if the network's inputs or outputs do not match the spaces
     */
    public static GreedyPolicy of(MultiLayerNetwork network, Space observationSpace, Space actionSpace) {
        int inputs = network.layerInputSize(0);
        int outputs = network.layerSize(network.getnLayers() - 1);
        int observationSize = new ObservationEncoder(observationSpace).size();
        if (!(actionSpace instanceof Discrete discrete) || inputs != observationSize || outputs != discrete.n()) {
            throw new IllegalArgumentException("the model takes " + inputs + " inputs and scores " + outputs
                    + " actions, but this environment has " + observationSize + " observation values and the action space "
                    + actionSpace);
        }
        return new GreedyPolicy(new GreedyActions(network, observationSize)::act, observationSpace, actionSpace);
    }

    @Override
    public Value act(Value observation) {
        encoder.encode(observation, encoded);
        return Value.of(actionStart + chooser.applyAsInt(encoded));
    }
}
