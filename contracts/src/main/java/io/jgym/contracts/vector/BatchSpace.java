package io.jgym.contracts.vector;

import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.space.Value;
import java.util.Arrays;
import java.util.List;

/**
 * The batched space of a {@link VectorEnv}, as Gymnasium's {@code batch_space} builds it from the
 * single space: {@code Discrete(n, start)} becomes {@code MultiDiscrete([n]*N, start=[start]*N)},
 * a Box of shape S becomes a Box of shape (N,)+S with its bounds tiled, and a Tuple becomes a Tuple
 * of batched components. The server describes these on the vecenv space routes.
 */
public sealed interface BatchSpace permits BatchSpace.MultiDiscrete, BatchSpace.Boxes, BatchSpace.TupleBatch {

    /** Gymnasium's {@code batch_space(single, n)}. */
    static BatchSpace of(Space single, int n) {
        if (single instanceof Discrete d) {
            long[] nvec = new long[n];
            long[] start = new long[n];
            Arrays.fill(nvec, d.n());
            Arrays.fill(start, d.start());
            return new MultiDiscrete(nvec, start);
        }
        if (single instanceof Box b) {
            int[] shape = new int[b.shape().length + 1];
            shape[0] = n;
            System.arraycopy(b.shape(), 0, shape, 1, b.shape().length);
            return new Boxes(new Box(shape, tile(b.low(), n), tile(b.high(), n)));
        }
        return new TupleBatch(((TupleSpace) single).spaces().stream().map(s -> of(s, n)).toList());
    }

    /** Whether {@code batch} is an element of this space (right layout, size and bounds). */
    boolean contains(Batch batch);

    private static float[] tile(float[] values, int n) {
        float[] out = new float[values.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, 0, out, i * values.length, values.length);
        }
        return out;
    }

    /** Gymnasium's {@code MultiDiscrete(nvec, start)} with dtype int64. */
    record MultiDiscrete(long[] nvec, long[] start) implements BatchSpace {
        @Override
        public boolean contains(Batch batch) {
            if (!(batch instanceof Batch.Longs l) || l.values().length != nvec.length) {
                return false;
            }
            for (int i = 0; i < nvec.length; i++) {
                long v = l.values()[i];
                if (v < start[i] || v - start[i] >= nvec[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MultiDiscrete m && Arrays.equals(nvec, m.nvec) && Arrays.equals(start, m.start);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(nvec) + Arrays.hashCode(start);
        }

        @Override
        public String toString() {
            return "MultiDiscrete(" + Arrays.toString(nvec) + ", start=" + Arrays.toString(start) + ")";
        }
    }

    /** A float32 Box of shape (N,)+S. */
    record Boxes(Box box) implements BatchSpace {
        @Override
        public boolean contains(Batch batch) {
            return batch instanceof Batch.Floats f && box.contains(Value.of(f.values()));
        }
    }

    /** A Tuple of batched components. */
    record TupleBatch(List<BatchSpace> spaces) implements BatchSpace {
        public TupleBatch {
            spaces = List.copyOf(spaces);
        }

        @Override
        public boolean contains(Batch batch) {
            if (!(batch instanceof Batch.Tuple t) || t.components().size() != spaces.size()) {
                return false;
            }
            for (int i = 0; i < spaces.size(); i++) {
                if (!spaces.get(i).contains(t.components().get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
