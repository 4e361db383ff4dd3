package io.jgym.generative.sine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LowPassFilterTest {
    private static final int POINTS = 250;
    private final LowPassFilter filter = new LowPassFilter(POINTS, 2.0);

    @Test
    void leavesAStraightLineUnchangedUpToTheEnds() {
        float[] line = new float[POINTS];
        for (int i = 0; i < POINTS; i++) {
            line[i] = 0.5f + 0.01f * i;
        }
        float[] filtered = filter.apply(line);
        for (int i = 0; i < POINTS; i++) {
            assertEquals(line[i], filtered[i], 1e-4, "point " + i);
        }
    }

    @Test
    void keepsTheFastModeAndItsEndsButRemovesMostNoise() {
        double[] template = SineWaves.template(POINTS, 5.0);
        float[] wave = new float[POINTS];
        float[] noise = new float[POINTS];
        Random random = new Random(3);
        for (int i = 0; i < POINTS; i++) {
            wave[i] = (float) (3 * template[i]);
            noise[i] = (float) (0.05 * random.nextGaussian());
        }
        float[] filteredWave = filter.apply(wave);
        for (int i = 0; i < POINTS; i++) {
            assertEquals(wave[i], filteredWave[i], 0.1, "point " + i + " of 3 sin(10 pi theta)");
        }
        assertTrue(rms(filter.apply(noise)) < 0.5 * rms(noise), "white noise is more than halved");
    }

    @Test
    void refusesAWidthThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new LowPassFilter(POINTS, 0));
    }

    private static double rms(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum / values.length);
    }
}
