package io.jgym.contracts.space;

import io.jgym.contracts.random.NumpyGenerator;
import java.util.List;

/**
 * A fixed-length tuple of spaces; Gymnasium's {@code Tuple} (Blackjack's observation space).
 *
 * @param spaces the sub-spaces, in order
 */
public record TupleSpace(List<Space> spaces) implements Space {
    public TupleSpace {
        spaces = List.copyOf(spaces);
    }

    @Override
    public boolean contains(Value value) {
        if (!(value instanceof Value.Tuple t) || t.items().size() != spaces.size()) {
            return false;
        }
        for (int i = 0; i < spaces.size(); i++) {
            if (!spaces.get(i).contains(t.items().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Samples each sub-space in order from the one generator given. */
    @Override
    public Value sample(NumpyGenerator rng) {
        return new Value.Tuple(spaces.stream().map(s -> s.sample(rng)).toList());
    }
}
