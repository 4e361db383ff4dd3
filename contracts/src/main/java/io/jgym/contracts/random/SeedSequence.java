package io.jgym.contracts.random;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * numpy's {@code SeedSequence}: turns a non-negative integer seed into well-mixed 32-bit words.
 *
 * <p>Gymnasium seeds every generator as {@code Generator(PCG64(SeedSequence(seed)))}, so to give
 * the same initial states as Gymnasium for the same seed we must hash the seed exactly as numpy
 * does: the seed is split into little-endian 32-bit words, mixed into a pool of four words with
 * numpy's hashmix/mix constants, and {@link #generateState(int)} draws output words from the pool.
 * All arithmetic is modulo 2^32, kept in the low bits of {@code int}s.
 */
public final class SeedSequence {
    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;

    private final int[] pool = new int[POOL_SIZE];
    private int hashConst;

    /** Seeds from a non-negative integer of any size, as {@code SeedSequence(seed)} does. */
    public SeedSequence(BigInteger seed) {
        if (seed.signum() < 0) {
            throw new IllegalArgumentException("seed must be non-negative, as numpy requires; got " + seed);
        }
        mixEntropy(toWords(seed));
    }

    /** Seeds from a non-negative {@code long}. */
    public SeedSequence(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /** The mixed pool of four 32-bit words (numpy's {@code pool}), as unsigned values. */
    public long[] pool() {
        long[] out = new long[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            out[i] = Integer.toUnsignedLong(pool[i]);
        }
        return out;
    }

    /** numpy's {@code generate_state(n, uint32)}: {@code n} output words drawn from the pool. */
    public int[] generateState(int words) {
        int[] state = new int[words];
        int h = INIT_B;
        for (int i = 0; i < words; i++) {
            int value = pool[i % POOL_SIZE];
            value ^= h;
            h *= MULT_B;
            value *= h;
            value ^= value >>> XSHIFT;
            state[i] = value;
        }
        return state;
    }

    /** numpy's {@code generate_state(n, uint64)}: pairs of words joined little-endian. */
    public long[] generateState64(int words) {
        int[] halves = generateState(2 * words);
        long[] out = new long[words];
        for (int i = 0; i < words; i++) {
            out[i] = Integer.toUnsignedLong(halves[2 * i]) | ((long) halves[2 * i + 1] << 32);
        }
        return out;
    }

    private static int[] toWords(BigInteger seed) {
        if (seed.signum() == 0) {
            return new int[] {0};
        }
        List<Integer> words = new ArrayList<>();
        BigInteger rest = seed;
        while (rest.signum() > 0) {
            words.add(rest.intValue());
            rest = rest.shiftRight(32);
        }
        return words.stream().mapToInt(Integer::intValue).toArray();
    }

    private void mixEntropy(int[] entropy) {
        hashConst = INIT_A;
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src]));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashmix(entropy[src]));
            }
        }
    }

    private int hashmix(int value) {
        value ^= hashConst;
        hashConst *= MULT_A;
        value *= hashConst;
        value ^= value >>> XSHIFT;
        return value;
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        result ^= result >>> XSHIFT;
        return result;
    }
}
