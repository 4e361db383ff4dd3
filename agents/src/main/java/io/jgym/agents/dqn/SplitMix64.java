package io.jgym.agents.dqn;

/**
 * A small, fast random generator whose whole state is one {@code long}, so a checkpoint can store
 * it and a resumed run draws exactly the numbers the interrupted run would have (SplitMix64, as in
 * {@link java.util.SplittableRandom}, which does not expose its state).
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The whole state, for checkpoints. */
    public long state() {
        return state;
    }

    /** Restores a state read from a checkpoint. */
    public void setState(long state) {
        this.state = state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long product = (nextLong() >>> 32) * bound;
        if ((product & 0xFFFFFFFFL) < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while ((product & 0xFFFFFFFFL) < threshold) {
                product = (nextLong() >>> 32) * bound;
            }
        }
        return (int) (product >>> 32);
    }

    /** A well-mixed 64-bit value derived from {@code value}: derives independent seeds from one. */
    public static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
