package io.jgym.runs.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The smoothing of noisy curves, on values worked out by hand. */
class MovingAverageTest {

    @Test
    void theTrailingMeanAveragesTheMeasuredValuesInItsWindow() {
        double[] values = {1, 2, 3, Double.NaN, 5};
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3, 5}, MovingAverage.trailing(values, 2), 1e-12);
        assertArrayEquals(new double[] {Double.NaN, 4}, MovingAverage.trailing(new double[] {Double.NaN, 4}, 3), 1e-12);
    }

    @Test
    void returnsThatJumpAreNoisyAFallingLossIsNot() {
        Random random = new Random(3);
        double[] returns = IntStream.range(0, 200).mapToDouble(i -> i + random.nextGaussian() * 30).toArray();
        double[] loss = IntStream.range(0, 200).mapToDouble(i -> Math.exp(-i / 50.0) + random.nextGaussian() * 1e-3).toArray();
        assertTrue(MovingAverage.noisy(returns));
        assertFalse(MovingAverage.noisy(loss));
        assertFalse(MovingAverage.noisy(new double[] {5, 5, 5, 5}), "a constant is not noise");
    }
}
