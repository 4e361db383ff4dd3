package io.jgym.contracts.space;

import java.util.Arrays;
import java.util.List;

/**
 * An observation or an action: an integer (a {@link Discrete} element), a float32 vector (a
 * {@link Box} element) or a tuple of values (a {@link TupleSpace} element).
 *
 * <p>Environments, the server, the HTTP client and the agents all exchange these, so an agent can
 * read an observation the same way whether it came from an in-process env or over HTTP.
 */
public sealed interface Value permits Value.Int, Value.Floats, Value.Tuple {

    /** An integer value, such as a Discrete observation or action. */
    static Int of(long value) {
        return new Int(value);
    }

    /** A float32 vector value, such as a Box observation. The array is not copied. */
    static Floats of(float... values) {
        return new Floats(values);
    }

    /** The value as a flat vector of doubles, the form neural-network agents feed on. */
    double[] toDoubles();

    /** A Discrete element. */
    record Int(long value) implements Value {
        @Override
        public double[] toDoubles() {
            return new double[] {value};
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A Box element in float32; equality compares contents. */
    record Floats(float[] values) implements Value {
        @Override
        public double[] toDoubles() {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Floats f && Arrays.equals(values, f.values);
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

    /** A Tuple element, one value per sub-space. */
    record Tuple(List<Value> items) implements Value {
        public Tuple {
            items = List.copyOf(items);
        }

        @Override
        public double[] toDoubles() {
            return items.stream().flatMapToDouble(v -> Arrays.stream(v.toDoubles())).toArray();
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }
}
