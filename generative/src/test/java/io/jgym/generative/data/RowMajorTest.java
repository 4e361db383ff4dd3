package io.jgym.generative.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class RowMajorTest {

    @Test
    void readsColumnMajorOutputsRowByRow() {
        // DL4J's VAE layer returns its latent means in this layout; reading data() would mix the columns.
        float[] columnMajor = {1, 3, 5, 2, 4, 6}; // [[1, 2], [3, 4], [5, 6]] stored column by column
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6},
                RowMajor.floats(Nd4j.create(columnMajor, new long[] {3, 2}, 'f')));
        assertArrayEquals(new float[] {1, 2, 3, 4}, RowMajor.floats(Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c')));
    }
}
