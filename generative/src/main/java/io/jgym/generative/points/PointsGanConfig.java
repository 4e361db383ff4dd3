package io.jgym.generative.points;

import java.util.List;

/**
 * Settings of {@code points-gan}: {@code samples} real points (x, sin(x) + N(0, noise)) with x
 * uniform in [-pi, pi]; a generator from a standard-normal latent of {@code latentSize} (1, 20 or 100
 * in the original notebooks) to 2 values, and a discriminator of 2 values.
 *
 * @param seed                seeds the data, the networks and the latent draws
 * @param epochs              passes over the real points
 * @param samples             real points
 * @param noise               standard deviation of the noise on sin(x)
 * @param latentSize          generator input size
 * @param generatorLayers     generator hidden widths
 * @param discriminatorLayers discriminator hidden widths
 * @param learningRate        Adam step size
 * @param batchSize           points per minibatch
 * @param frameEvery          epochs between GIF frames and quality scores
 * @param evalSamples         generated points per frame
 */
public record PointsGanConfig(long seed, int epochs, int samples, double noise, int latentSize,
                              List<Integer> generatorLayers, List<Integer> discriminatorLayers, double learningRate,
                              int batchSize, int frameEvery, int evalSamples) {
    public PointsGanConfig {
        generatorLayers = List.copyOf(generatorLayers);
        discriminatorLayers = List.copyOf(discriminatorLayers);
        if (epochs <= 0 || samples < batchSize || latentSize <= 0 || batchSize <= 0 || frameEvery <= 0 || evalSamples <= 1
                || !(learningRate > 0) || noise < 0) {
            throw new IllegalArgumentException("epochs, latent size, batch size, frame interval and eval samples must be positive,"
                    + " samples at least one batch, learning rate positive, noise >= 0");
        }
    }

    public static PointsGanConfig defaults() {
        return new PointsGanConfig(1, 300, 2000, 0.1, 20, List.of(64, 64), List.of(64, 64), 1e-3, 100, 10, 500);
    }
}
