package io.jgym.generative.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static float[] gaussian(int n, double[] mean, double[] scale, long seed) {
        Random random = new Random(seed);
        float[] rows = new float[n * mean.length];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < mean.length; i++) {
                rows[r * mean.length + i] = (float) (mean[i] + scale[i] * random.nextGaussian());
            }
        }
        return rows;
    }

    @Test
    void matchesTheClosedFormForDiagonalGaussians() {
        // Independent coordinates: distance = |mu1 - mu2|^2 + sum (s1 - s2)^2 over standard deviations.
        float[] reference = gaussian(20_000, new double[] {0, 0, 0}, new double[] {1, 2, 3}, 1);
        float[] other = gaussian(20_000, new double[] {1, 0, 2}, new double[] {2, 2, 1}, 2);
        double expected = (1 + 0 + 4) + (1 + 0 + 4);
        assertEquals(expected, new FrechetDistance(reference, 3).of(other), 0.25);
    }

    @Test
    void isNearZeroForTwoSamplesOfOneDistribution() {
        float[] a = gaussian(20_000, new double[] {1, -1, 0, 2}, new double[] {1, 1, 2, 0.5}, 3);
        float[] b = gaussian(20_000, new double[] {1, -1, 0, 2}, new double[] {1, 1, 2, 0.5}, 4);
        double distance = new FrechetDistance(a, 4).of(b);
        assertTrue(Math.abs(distance) < 0.05, "same distribution: " + distance);
    }

    @Test
    void theMatrixSquareRootSquaresBack() {
        double[][] s = {{4, 1, 0}, {1, 3, 0.5}, {0, 0.5, 2}};
        double[][] root = FrechetDistance.symmetricPower(s, 0.5);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double value = 0;
                for (int k = 0; k < 3; k++) {
                    value += root[i][k] * root[k][j];
                }
                assertEquals(s[i][j], value, 1e-9);
            }
        }
    }
}
