package io.jgym.generative.sine;

import java.util.Random;

/**
 * The training data and the templates the metrics compare against: {@code amplitude *
 * sin(2 pi frequency theta)} on theta = linspace(0, 1, points).
 */
public final class SineWaves {
    private SineWaves() {
    }

    /** theta = linspace(0, 1, points), as numpy computes it. */
    public static double[] theta(int points) {
        double[] theta = new double[points];
        for (int i = 0; i < points; i++) {
            theta[i] = (double) i / (points - 1);
        }
        return theta;
    }

    /** The noise-free wave of unit amplitude at {@code frequency}. */
    public static double[] template(int points, double frequency) {
        double[] theta = theta(points);
        double[] wave = new double[points];
        for (int i = 0; i < points; i++) {
            wave[i] = Math.sin(2 * Math.PI * frequency * theta[i]);
        }
        return wave;
    }

    /** The training set, row-major [waves, points]; wave i uses mode i mod (number of modes). */
    public static float[] generate(SineGanConfig config, long seed) {
        Random random = new Random(seed);
        int modes = config.amplitudes().size();
        float[] data = new float[config.waves() * config.points()];
        for (int wave = 0; wave < config.waves(); wave++) {
            int mode = wave % modes;
            double[] template = template(config.points(), config.frequencies().get(mode));
            double amplitude = config.amplitudes().get(mode);
            for (int i = 0; i < config.points(); i++) {
                data[wave * config.points() + i] = (float) (amplitude * template[i] + config.noise() * random.nextGaussian());
            }
        }
        return data;
    }
}
