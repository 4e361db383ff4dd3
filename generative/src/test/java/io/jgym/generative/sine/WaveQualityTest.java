package io.jgym.generative.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaveQualityTest {
    private final SineGanConfig config = SineGanConfig.defaults();
    private final float[] real = SineWaves.generate(config, 1);
    private final WaveQuality quality = new WaveQuality(config, real);

    @Test
    void freshRealWavesFitBothModesEvenly() {
        WaveQuality.Scores scores = quality.score(SineWaves.generate(config, 2));
        assertEquals(1.0, scores.validShare());
        assertArrayEquals(new double[] {0.5, 0.5}, scores.modeShares());
        assertArrayEquals(new double[] {0.5, 0.5}, scores.shapeShares());
        assertTrue(scores.mmd() < 0.02, "same distribution: " + scores.mmd());
    }

    @Test
    void aCollapsedGeneratorIsCaughtByModeSharesAndMmd() {
        int points = config.points();
        float[] collapsed = new float[100 * points];
        for (int w = 0; w < 100; w++) {
            System.arraycopy(real, 0, collapsed, w * points, points); // every wave is wave 0 (mode 0)
        }
        WaveQuality.Scores scores = quality.score(collapsed);
        assertEquals(1.0, scores.validShare());
        assertArrayEquals(new double[] {1.0, 0.0}, scores.modeShares());
        assertTrue(scores.mmd() > 0.3, "one mode missing: " + scores.mmd());
    }

    @Test
    void wrongAmplitudeOrTooMuchNoiseIsNotAValidWave() {
        int points = config.points();
        double[] template = SineWaves.template(points, 1.0);
        float[] waves = new float[2 * points];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < points; i++) {
            waves[i] = (float) (1.2 * template[i]);                              // amplitude 20% off
            waves[points + i] = (float) (template[i] + 0.3 * random.nextGaussian()); // RMSE about 0.3
        }
        WaveQuality.Scores scores = quality.score(waves);
        assertEquals(0.0, scores.validShare());
        assertArrayEquals(new double[] {0.5, 0.0}, scores.shapeShares(), "the noisy wave still has mode 0's shape");
    }
}
