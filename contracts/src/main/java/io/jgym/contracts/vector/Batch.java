package io.jgym.contracts.vector;

import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.space.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * N values of one space packed as Gymnasium's {@code batch_space} packs them: Discrete elements as
 * one int64 array, Box elements as one row-major float32 array of N rows, Tuple elements as a tuple
 * of per-component batches (not N tuples). Observations and actions of a {@link VectorEnv} travel in
 * this form, in-process and over the wire. The arrays are not copied.
 */
public sealed interface Batch permits Batch.Longs, Batch.Floats, Batch.Tuple {

    /** The number of values (sub-environments). */
    int size();

    /** Value {@code i}, as a single environment would return it. */
    Value get(int i);

    /** A deep copy, for keeping a batch past the next call that may overwrite it. */
    Batch copy();

    /** Stacks one value per sub-environment into a batch of {@code single}'s layout. */
    static Batch stack(List<Value> values, Space single) {
        if (single instanceof Discrete) {
            long[] out = new long[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Value.Int) values.get(i)).value();
            }
            return new Longs(out);
        }
        if (single instanceof Box box) {
            int width = box.size();
            float[] out = new float[values.size() * width];
            for (int i = 0; i < values.size(); i++) {
                System.arraycopy(((Value.Floats) values.get(i)).values(), 0, out, i * width, width);
            }
            return new Floats(out, width);
        }
        List<Space> spaces = ((TupleSpace) single).spaces();
        List<Batch> components = new ArrayList<>(spaces.size());
        for (int c = 0; c < spaces.size(); c++) {
            int component = c;
            components.add(stack(values.stream().map(v -> ((Value.Tuple) v).items().get(component)).toList(), spaces.get(c)));
        }
        return new Tuple(components);
    }

    /** A Discrete batch: one int64 per sub-environment. */
    record Longs(long[] values) implements Batch {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Value get(int i) {
            return Value.of(values[i]);
        }

        @Override
        public Batch copy() {
            return new Longs(values.clone());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Longs l && Arrays.equals(values, l.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /**
     * A Box batch: {@code size() * width} float32 values, row {@code i} belonging to sub-environment i.
     *
     * @param values row-major data
     * @param width  elements per value (the single Box's size)
     */
    record Floats(float[] values, int width) implements Batch {
        public Floats {
            if (width < 1 || values.length % width != 0) {
                throw new IllegalArgumentException("a float batch of width " + width + " cannot hold " + values.length + " values");
            }
        }

        @Override
        public int size() {
            return values.length / width;
        }

        @Override
        public Value get(int i) {
            return Value.of(Arrays.copyOfRange(values, i * width, (i + 1) * width));
        }

        @Override
        public Batch copy() {
            return new Floats(values.clone(), width);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Floats f && width == f.width && Arrays.equals(values, f.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + width;
        }

        @Override
        public String toString() {
            return "Floats(width=" + width + ", " + Arrays.toString(values) + ")";
        }
    }

    /** A Tuple batch: one batch per component, each of the same size. */
    record Tuple(List<Batch> components) implements Batch {
        public Tuple {
            components = List.copyOf(components);
            int size = components.isEmpty() ? -1 : components.get(0).size();
            if (size < 0 || components.stream().anyMatch(c -> c.size() != size)) {
                throw new IllegalArgumentException("a tuple batch needs components of one size");
            }
        }

        @Override
        public int size() {
            return components.get(0).size();
        }

        @Override
        public Value get(int i) {
            return new Value.Tuple(components.stream().map(c -> c.get(i)).toList());
        }

        @Override
        public Batch copy() {
            return new Tuple(components.stream().map(Batch::copy).toList());
        }
    }
}
