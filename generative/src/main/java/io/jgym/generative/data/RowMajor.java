package io.jgym.generative.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A matrix's values row after row. DL4J returns some outputs in column-major order (the VAE layer
 * does), so reading {@code data()} directly would interleave the columns; every trainer reads
 * network outputs through this.
 */
public final class RowMajor {
    private RowMajor() {
    }

    public static float[] floats(INDArray matrix) {
        INDArray rows = matrix.ordering() == 'c' && !matrix.isView() ? matrix : matrix.dup('c');
        return rows.data().asFloat();
    }
}
