package io.jgym.generative.metrics;

import java.util.Arrays;

/**
 * Maximum mean discrepancy between a fixed reference sample and generated samples, with a Gaussian
 * kernel whose bandwidth is the median squared distance between reference points (fixed once, so
 * scores over a run are comparable). 0 means the two samples look alike; samples missing a mode of
 * the reference score high.
 */
public final class Mmd {
    private final float[] reference;
    private final int dimension;
    private final int referenceCount;
    private final double bandwidth;
    private final double referenceTerm;

    /** @param reference row-major [n, dimension] */
    public Mmd(float[] reference, int dimension) {
        this.reference = reference;
        this.dimension = dimension;
        this.referenceCount = reference.length / dimension;
        this.bandwidth = medianSquaredDistance();
        this.referenceTerm = meanKernel(reference, referenceCount, reference, referenceCount);
    }

    /** MMD of {@code samples}, row-major [m, dimension]. */
    public double of(float[] samples) {
        int count = samples.length / dimension;
        double xx = meanKernel(samples, count, samples, count);
        double xy = meanKernel(samples, count, reference, referenceCount);
        return Math.sqrt(Math.max(0, xx + referenceTerm - 2 * xy));
    }

    private double meanKernel(float[] a, int na, float[] b, int nb) {
        double sum = 0;
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                sum += Math.exp(-squaredDistance(a, i, b, j) / bandwidth);
            }
        }
        return sum / ((double) na * nb);
    }

    private double squaredDistance(float[] a, int i, float[] b, int j) {
        double sum = 0;
        int ai = i * dimension;
        int bj = j * dimension;
        for (int p = 0; p < dimension; p++) {
            double d = a[ai + p] - b[bj + p];
            sum += d * d;
        }
        return sum;
    }

    private double medianSquaredDistance() {
        int n = referenceCount;
        double[] distances = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                distances[k++] = squaredDistance(reference, i, reference, j);
            }
        }
        Arrays.sort(distances);
        return distances.length == 0 ? 1 : Math.max(distances[distances.length / 2], 1e-9);
    }
}
