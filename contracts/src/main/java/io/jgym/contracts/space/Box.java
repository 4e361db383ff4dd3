package io.jgym.contracts.space;

import io.jgym.contracts.random.NumpyGenerator;
import java.util.Arrays;

/**
 * A float32 box in R^n with per-element bounds (possibly infinite); Gymnasium's {@code Box}.
 *
 * <p>Bounds are stored flattened in row-major order next to the shape. Only float32 boxes exist
 * in the classic environments, so that is the one dtype supported.
 */
public final class Box implements Space {
    private final int[] shape;
    private final float[] low;
    private final float[] high;

    /** A box of the given shape; {@code low} and {@code high} are flattened and copied. */
    public Box(int[] shape, float[] low, float[] high) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds must have " + size + " elements for shape "
                    + Arrays.toString(shape) + ", got " + low.length + " and " + high.length);
        }
        this.shape = shape.clone();
        this.low = low.clone();
        this.high = high.clone();
    }

    /** A one-dimensional box. */
    public Box(float[] low, float[] high) {
        this(new int[] {low.length}, low, high);
    }

    public int[] shape() {
        return shape.clone();
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    /** Number of elements. */
    public int size() {
        return low.length;
    }

    public String dtype() {
        return "float32";
    }

    @Override
    public boolean contains(Value value) {
        if (!(value instanceof Value.Floats f) || f.values().length != low.length) {
            return false;
        }
        float[] v = f.values();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= low[i] && v[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gymnasium's sample for a bounded box: {@code uniform(low, high)} in double per element, then
     * cast to float32. Unbounded dimensions would need numpy's normal and exponential samplers,
     * which no classic environment's action space uses, so they are refused.
     */
    @Override
    public Value sample(NumpyGenerator rng) {
        float[] out = new float[low.length];
        for (int i = 0; i < out.length; i++) {
            if (Float.isInfinite(low[i]) || Float.isInfinite(high[i])) {
                throw new UnsupportedOperationException("sampling a Box with infinite bounds is not supported");
            }
            out[i] = (float) rng.uniform(low[i], high[i]);
        }
        return Value.of(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Box b && Arrays.equals(shape, b.shape)
                && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(low);
    }

    @Override
    public String toString() {
        return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ", " + Arrays.toString(shape) + ", float32)";
    }
}
