package io.jgym.contracts;

import io.jgym.contracts.space.Value;
import java.util.Map;

/**
 * What {@link Env#step} returns, as Gymnasium's five-tuple.
 *
 * @param observation the observation after the action
 * @param reward      the reward for the transition
 * @param terminated  the episode reached a terminal state of the MDP
 * @param truncated   the episode was cut short (for example by a time limit); not a terminal state
 * @param info        auxiliary data; never null
 */
public record Step(Value observation, double reward, boolean terminated, boolean truncated,
                   Map<String, Object> info) {
    public Step {
        info = Map.copyOf(info);
    }

    /** The old gym {@code done} flag: the episode is over, for whatever reason. */
    public boolean done() {
        return terminated || truncated;
    }

    /** The same step with {@code truncated} set, as a time limit produces. */
    public Step withTruncated() {
        return new Step(observation, reward, terminated, true, info);
    }
}
