package io.jgym.generative.sine;

import io.jgym.generative.metrics.Mmd;
import java.util.List;

/**
 * Scores generated waves against the modes: a wave fits mode k when the least-squares amplitude of
 * the unit template at frequency k is within 10% of the mode's amplitude and the residual RMSE is
 * below 0.1. Reports the share of waves that fit a mode, each mode's share of those, each mode's
 * share of all waves by shape alone (amplitude test only, so a noisy generator's coverage still
 * shows), and the maximum mean discrepancy (Gaussian kernel, bandwidth from the real data's median distance)
 * between generated and real waves.
 */
public final class WaveQuality {
    private static final double AMPLITUDE_TOLERANCE = 0.10;
    private static final double MAX_RMSE = 0.10;

    private final int points;
    private final List<Double> amplitudes;
    private final double[][] templates;
    private final Mmd mmd;

    /** Measurements for one set of generated waves. */
    public record Scores(double validShare, double[] modeShares, double[] shapeShares, double mmd) {
    }

    public WaveQuality(SineGanConfig config, float[] real) {
        this.points = config.points();
        this.amplitudes = config.amplitudes();
        this.templates = config.frequencies().stream().map(f -> SineWaves.template(points, f)).toArray(double[][]::new);
        this.mmd = new Mmd(real, points);
    }

    /** Scores {@code generated}, row-major [n, points]. */
    public Scores score(float[] generated) {
        int n = generated.length / points;
        int[] perMode = new int[templates.length];
        int[] perShape = new int[templates.length];
        int valid = 0;
        for (int w = 0; w < n; w++) {
            int mode = fittedMode(generated, w * points, MAX_RMSE);
            if (mode >= 0) {
                perMode[mode]++;
                valid++;
            }
            int shape = fittedMode(generated, w * points, Double.POSITIVE_INFINITY);
            if (shape >= 0) {
                perShape[shape]++;
            }
        }
        double[] shares = new double[templates.length];
        double[] shapeShares = new double[templates.length];
        for (int k = 0; k < shares.length; k++) {
            shares[k] = valid == 0 ? 0 : (double) perMode[k] / valid;
            shapeShares[k] = (double) perShape[k] / n;
        }
        return new Scores((double) valid / n, shares, shapeShares, mmd.of(generated));
    }

    /** The mode wave {@code offset} fits with a residual RMSE below {@code maxRmse}, or -1. */
    private int fittedMode(float[] waves, int offset, double maxRmse) {
        for (int k = 0; k < templates.length; k++) {
            double[] t = templates[k];
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < points; i++) {
                dot += waves[offset + i] * t[i];
                norm += t[i] * t[i];
            }
            double amplitude = dot / norm;
            double target = amplitudes.get(k);
            if (Math.abs(amplitude - target) > AMPLITUDE_TOLERANCE * target) {
                continue;
            }
            double squared = 0;
            for (int i = 0; i < points; i++) {
                double residual = waves[offset + i] - amplitude * t[i];
                squared += residual * residual;
            }
            if (Math.sqrt(squared / points) < maxRmse) {
                return k;
            }
        }
        return -1;
    }
}
