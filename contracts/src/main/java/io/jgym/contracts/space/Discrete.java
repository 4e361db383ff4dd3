package io.jgym.contracts.space;

import io.jgym.contracts.random.NumpyGenerator;

/**
 * The integers {@code start, ..., start + n - 1}; Gymnasium's {@code Discrete(n, start)}.
 *
 * @param n     number of elements, at least 1
 * @param start the smallest element
 */
public record Discrete(long n, long start) implements Space {
    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete space needs n >= 1, got " + n);
        }
    }

    /** {@code Discrete(n)} starting at 0. */
    public Discrete(long n) {
        this(n, 0);
    }

    @Override
    public boolean contains(Value value) {
        return value instanceof Value.Int i && i.value() >= start && i.value() - start < n;
    }

    /** Gymnasium's notation: {@code Discrete(2)}, or {@code Discrete(3, start=-1)}. */
    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }

    /** {@code start + integers(n)}, as Gymnasium samples. */
    @Override
    public Value sample(NumpyGenerator rng) {
        return Value.of(start + rng.integers(n));
    }
}
