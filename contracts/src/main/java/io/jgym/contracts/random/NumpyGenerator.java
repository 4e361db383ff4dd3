package io.jgym.contracts.random;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The draws of {@code numpy.random.Generator} over {@link Pcg64} that Gymnasium environments use.
 *
 * <p>Every environment and every space sampler owns one of these, built exactly as Gymnasium's
 * {@code seeding.np_random(seed)} builds its generator, so that the same seed gives the same
 * sequence of starting states, transitions and samples as in Python. Each method names the numpy
 * call it reproduces; the comments note where numpy's algorithm is not the obvious one.
 */
public final class NumpyGenerator {
    private static final double DOUBLE_UNIT = 1.0 / (1L << 53);
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final Pcg64 bits;

    private NumpyGenerator(Pcg64 bits) {
        this.bits = bits;
    }

    /** {@code Generator(PCG64(SeedSequence(seed)))} for a non-negative seed. */
    public static NumpyGenerator seeded(long seed) {
        return new NumpyGenerator(new Pcg64(new SeedSequence(seed)));
    }

    /** As {@link #seeded(long)} for seeds of any size. */
    public static NumpyGenerator seeded(BigInteger seed) {
        return new NumpyGenerator(new Pcg64(new SeedSequence(seed)));
    }

    /** A generator seeded from operating-system entropy, as {@code np_random(None)} does. */
    public static NumpyGenerator fromEntropy() {
        byte[] entropy = new byte[16];
        new SecureRandom().nextBytes(entropy);
        return seeded(new BigInteger(1, entropy));
    }

    /** The underlying bit generator, for tests that compare raw state. */
    public Pcg64 bitGenerator() {
        return bits;
    }

    /** {@code bit_generator.random_raw()}: one raw 64-bit output. */
    public long randomRaw() {
        return bits.nextUint64();
    }

    /** {@code random()}: a double in [0, 1) from the top 53 bits of one 64-bit output. */
    public double random() {
        return (bits.nextUint64() >>> 11) * DOUBLE_UNIT;
    }

    /** {@code uniform(low, high)}: {@code low + (high - low) * random()}. */
    public double uniform(double low, double high) {
        return low + (high - low) * random();
    }

    /** {@code integers(high)}: an int64 in [0, high). */
    public long integers(long high) {
        return integers(0, high);
    }

    /**
     * {@code integers(low, high)} with numpy's default int64 dtype: Lemire's bounded draw on
     * buffered 32-bit outputs while the range fits in 32 bits, on 64-bit outputs beyond that, and
     * no draw at all when the range holds one value.
     */
    public long integers(long low, long high) {
        if (high <= low) {
            throw new IllegalArgumentException("integers: high (" + high + ") must exceed low (" + low + ")");
        }
        long range = high - low - 1;
        if (range == 0) {
            return low;
        }
        if (Long.compareUnsigned(range, UINT32_MAX) < 0) {
            return low + boundedLemire32(range);
        }
        if (range == UINT32_MAX) {
            return low + Integer.toUnsignedLong(bits.nextUint32());
        }
        return low + boundedLemire64(range);
    }

    /** {@code choice(n)} without probabilities: {@code integers(0, n)}. */
    public int choice(int n) {
        return (int) integers(0, n);
    }

    private long boundedLemire32(long range) {
        long rangeExcl = range + 1;
        long m = Integer.toUnsignedLong(bits.nextUint32()) * rangeExcl;
        long leftover = m & UINT32_MAX;
        if (leftover < rangeExcl) {
            long threshold = (UINT32_MAX - range) % rangeExcl;
            while (leftover < threshold) {
                m = Integer.toUnsignedLong(bits.nextUint32()) * rangeExcl;
                leftover = m & UINT32_MAX;
            }
        }
        return m >>> 32;
    }

    private long boundedLemire64(long range) {
        long rangeExcl = range + 1;
        long x = bits.nextUint64();
        long leftover = x * rangeExcl;
        if (Long.compareUnsigned(leftover, rangeExcl) < 0) {
            long threshold = Long.remainderUnsigned(-1L - range, rangeExcl);
            while (Long.compareUnsigned(leftover, threshold) < 0) {
                x = bits.nextUint64();
                leftover = x * rangeExcl;
            }
        }
        return Pcg64.unsignedMultiplyHigh(x, rangeExcl);
    }
}
