package io.jgym.generative.data;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The minibatches of one epoch over a training set held as flat rows: a fresh seeded shuffle per
 * epoch ({@link #shuffle()}), then full batches copied into one reused array, each value mapped
 * by {@code value * scale + shift} on the way (a GAN's [0, 1] images become [-1, 1]). Every
 * trainer in this module feeds its networks through this.
 */
public final class Minibatches {
    private final float[] rows;
    private final int rowSize;
    private final int batchSize;
    private final float scale;
    private final float shift;
    private final int[] order;
    private final Random random;
    private final float[] scratch;
    private final INDArray batch;

    /** Minibatches of {@code rows} as they are. */
    public Minibatches(float[] rows, int rowSize, int batchSize, long seed) {
        this(rows, rowSize, batchSize, seed, 1, 0);
    }

    public Minibatches(float[] rows, int rowSize, int batchSize, long seed, float scale, float shift) {
        int count = rows.length / rowSize;
        if (count < batchSize) {
            throw new IllegalArgumentException("need at least one batch of " + batchSize + " samples, got " + count);
        }
        this.rows = rows;
        this.rowSize = rowSize;
        this.batchSize = batchSize;
        this.scale = scale;
        this.shift = shift;
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        this.random = new Random(seed);
        this.scratch = new float[batchSize * rowSize];
        this.batch = Nd4j.create(DataType.FLOAT, batchSize, rowSize);
    }

    /** Full batches per epoch (a last partial batch is left out). */
    public int count() {
        return order.length / batchSize;
    }

    /** Starts an epoch: a Fisher-Yates shuffle of the sample order. */
    public void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Replays the shuffles of the first {@code epochs} epochs, so a resumed run goes on in the order an uninterrupted one would. */
    public void replay(long epochs) {
        for (long e = 0; e < epochs; e++) {
            shuffle();
        }
    }

    /** Which sample is row {@code r} of batch {@code b} this epoch (for looking up its label). */
    public int sample(int b, int r) {
        return order[b * batchSize + r];
    }

    /** Batch {@code b} of this epoch, [batchSize, rowSize]; the returned array is reused by the next call. */
    public INDArray batch(int b) {
        for (int r = 0; r < batchSize; r++) {
            int from = sample(b, r) * rowSize;
            if (scale == 1 && shift == 0) {
                System.arraycopy(rows, from, scratch, r * rowSize, rowSize);
            } else {
                for (int p = 0; p < rowSize; p++) {
                    scratch[r * rowSize + p] = rows[from + p] * scale + shift;
                }
            }
        }
        batch.data().setData(scratch);
        return batch;
    }
}
