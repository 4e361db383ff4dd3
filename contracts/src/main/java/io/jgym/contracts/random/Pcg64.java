package io.jgym.contracts.random;

/**
 * numpy's {@code PCG64} bit generator (PCG XSL-RR 128/64), including its 32-bit output buffer.
 *
 * <p>The 128-bit state and increment are held as pairs of {@code long}s. Seeding follows numpy's
 * {@code pcg64_set_seed}: the four words from {@link SeedSequence#generateState64(int)} give
 * {@code initstate = w0:w1} and {@code initseq = w2:w3}. {@link #nextUint32()} serves the low half
 * of a 64-bit output first and keeps the high half for the next call, exactly as numpy does;
 * {@link #nextUint64()} leaves that buffer alone. That interleaving is what makes toy-text
 * environments consume random numbers draw for draw like Gymnasium.
 */
public final class Pcg64 {
    private static final long MULT_HI = 0x2360ed051fc65da4L;
    private static final long MULT_LO = 0x4385df649fccf645L;

    private long stateHi;
    private long stateLo;
    private final long incHi;
    private final long incLo;
    private boolean hasUint32;
    private int uinteger;

    /** Seeds exactly as {@code PCG64(SeedSequence(seed))}. */
    public Pcg64(SeedSequence seedSequence) {
        long[] words = seedSequence.generateState64(4);
        long initStateHi = words[0];
        long initStateLo = words[1];
        long initSeqHi = words[2];
        long initSeqLo = words[3];
        incHi = (initSeqHi << 1) | (initSeqLo >>> 63);
        incLo = (initSeqLo << 1) | 1L;
        stateHi = 0;
        stateLo = 0;
        step();
        long lo = stateLo + initStateLo;
        stateHi = stateHi + initStateHi + (Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0);
        stateLo = lo;
        step();
    }

    /** The 128-bit state as {high, low}, for checking against numpy's {@code bit_generator.state}. */
    public long[] state() {
        return new long[] {stateHi, stateLo};
    }

    /** The 128-bit increment as {high, low}. */
    public long[] increment() {
        return new long[] {incHi, incLo};
    }

    /** Whether half of the last 64-bit output is buffered for the next {@link #nextUint32()}. */
    public boolean hasBufferedUint32() {
        return hasUint32;
    }

    /** The buffered upper half, meaningful while {@link #hasBufferedUint32()}. */
    public long bufferedUint32() {
        return Integer.toUnsignedLong(uinteger);
    }

    /** numpy's {@code next_uint64}: advance, then the XSL-RR output. */
    public long nextUint64() {
        step();
        long mixed = stateHi ^ stateLo;
        int rotation = (int) (stateHi >>> 58);
        return Long.rotateRight(mixed, rotation);
    }

    /** numpy's buffered {@code next_uint32}: low half of a fresh output first, then its high half. */
    public int nextUint32() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long next = nextUint64();
        hasUint32 = true;
        uinteger = (int) (next >>> 32);
        return (int) next;
    }

    private void step() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateHi * MULT_LO + stateLo * MULT_HI;
        long sumLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        stateLo = sumLo;
    }

    /** {@code Math.unsignedMultiplyHigh} exists only from Java 18. */
    static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }
}
