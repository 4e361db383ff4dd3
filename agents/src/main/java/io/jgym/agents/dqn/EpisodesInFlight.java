package io.jgym.agents.dqn;

/**
 * The episodes a DQN run is playing at once, one per sub-environment of its vector environment:
 * each one's current observation, return, length, start time and the TD loss and mean Q of the
 * gradient steps taken while it ran, and which ones have ended and wait for a reset.
 */
final class EpisodesInFlight {
    private final float[][] observations;
    private final double[] returns;
    private final long[] lengths;
    private final long[] startNanos;
    private final double[] lossSums;
    private final double[] qSums;
    private final long[] updates;
    private final boolean[] ended;
    private final boolean[] toReset;

    EpisodesInFlight(int count, int observationSize) {
        observations = new float[count][observationSize];
        returns = new double[count];
        lengths = new long[count];
        startNanos = new long[count];
        lossSums = new double[count];
        qSums = new double[count];
        updates = new long[count];
        ended = new boolean[count];
        toReset = new boolean[count];
        java.util.Arrays.fill(toReset, true);
    }

    int count() {
        return observations.length;
    }

    /** Whether any sub-environment waits for a reset. */
    boolean anyToReset() {
        for (boolean waiting : toReset) {
            if (waiting) {
                return true;
            }
        }
        return false;
    }

    /** The reset mask of the waiting sub-environments; null when all of them wait. */
    boolean[] resetMask() {
        for (boolean waiting : toReset) {
            if (!waiting) {
                return toReset.clone();
            }
        }
        return null;
    }

    boolean waitsForReset(int i) {
        return toReset[i];
    }

    /** Episode {@code i} starts now; its first observation goes into {@link #observation(int)}. */
    void start(int i) {
        returns[i] = 0;
        lengths[i] = 0;
        lossSums[i] = 0;
        qSums[i] = 0;
        updates[i] = 0;
        ended[i] = false;
        toReset[i] = false;
        startNanos[i] = System.nanoTime();
    }

    /** The current observation of episode {@code i} (written in place). */
    float[] observation(int i) {
        return observations[i];
    }

    /** Episode {@code i} took a step to {@code next} with {@code reward}; {@code done} ends it. */
    void advance(int i, float[] next, double reward, boolean done) {
        System.arraycopy(next, 0, observations[i], 0, next.length);
        returns[i] += reward;
        lengths[i]++;
        ended[i] = done;
    }

    /** A gradient step was taken while every unfinished episode ran. */
    void addUpdate(double tdLoss, double meanQ) {
        for (int i = 0; i < observations.length; i++) {
            if (!toReset[i]) {
                lossSums[i] += tdLoss;
                qSums[i] += meanQ;
                updates[i]++;
            }
        }
    }

    boolean ended(int i) {
        return ended[i];
    }

    /** Episode {@code i} has been reported; its sub-environment waits for a reset. */
    void finish(int i) {
        ended[i] = false;
        toReset[i] = true;
    }

    double episodeReturn(int i) {
        return returns[i];
    }

    long length(int i) {
        return lengths[i];
    }

    double seconds(int i) {
        return (System.nanoTime() - startNanos[i]) / 1e9;
    }

    long updates(int i) {
        return updates[i];
    }

    double meanLoss(int i) {
        return lossSums[i] / updates[i];
    }

    double meanQ(int i) {
        return qSums[i] / updates[i];
    }
}
