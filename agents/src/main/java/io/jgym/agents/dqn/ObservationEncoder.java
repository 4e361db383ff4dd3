package io.jgym.agents.dqn;

import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.space.Value;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an observation into the network's input vector: a Box as its float values, a Discrete
 * state as a one-hot vector (so FrozenLake and Taxi train without a lookup table), a Tuple as its
 * parts side by side (Blackjack). Built once from the observation space; encoding allocates nothing.
 */
public final class ObservationEncoder {
    private final Space space;
    private final int size;

    public ObservationEncoder(Space space) {
        this.space = space;
        this.size = sizeOf(space);
    }

    /** Length of every encoded vector. */
    public int size() {
        return size;
    }

    /** Writes the encoding of {@code value} into {@code out}, which must have {@link #size()} slots. */
    public void encode(Value value, float[] out) {
        Arrays.fill(out, 0f);
        write(space, value, out, 0);
    }

    private static int write(Space space, Value value, float[] out, int offset) {
        if (space instanceof Box) {
            float[] values = ((Value.Floats) value).values();
            System.arraycopy(values, 0, out, offset, values.length);
            return offset + values.length;
        }
        if (space instanceof Discrete discrete) {
            out[offset + (int) (((Value.Int) value).value() - discrete.start())] = 1f;
            return offset + (int) discrete.n();
        }
        List<Value> items = ((Value.Tuple) value).items();
        List<Space> spaces = ((TupleSpace) space).spaces();
        int at = offset;
        for (int i = 0; i < items.size(); i++) {
            at = write(spaces.get(i), items.get(i), out, at);
        }
        return at;
    }

    private static int sizeOf(Space space) {
        if (space instanceof Box box) {
            return box.size();
        }
        if (space instanceof Discrete discrete) {
            return Math.toIntExact(discrete.n());
        }
        return ((TupleSpace) space).spaces().stream().mapToInt(ObservationEncoder::sizeOf).sum();
    }
}
