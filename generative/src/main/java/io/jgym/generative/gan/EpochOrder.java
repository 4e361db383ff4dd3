package io.jgym.generative.gan;

import java.util.Random;

/** The order in which an epoch visits the training samples: a fresh seeded shuffle each epoch. */
public final class EpochOrder {
    private final int[] order;
    private final Random random;

    public EpochOrder(int samples, long seed) {
        this.order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        this.random = new Random(seed);
    }

    /** Shuffles (Fisher-Yates) and returns the order of the next epoch; the array is reused. */
    public int[] next() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
