package io.jgym.contracts;

import io.jgym.contracts.space.Value;
import java.util.Map;

/**
 * What {@link Env#reset} returns: the first observation of an episode and Gymnasium's info dict.
 *
 * @param observation the initial observation
 * @param info        auxiliary data (for example FrozenLake's {@code prob}); never null
 */
public record Reset(Value observation, Map<String, Object> info) {
    public Reset {
        info = Map.copyOf(info);
    }

    /** A reset with an empty info dict. */
    public static Reset of(Value observation) {
        return new Reset(observation, Map.of());
    }
}
