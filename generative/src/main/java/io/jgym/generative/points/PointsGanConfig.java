package io.jgym.generative.points;

import static io.jgym.generative.ConfigChecks.atLeast;
import static io.jgym.generative.ConfigChecks.inRange;
import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;
import static io.jgym.generative.ConfigChecks.widths;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Settings of {@code points-gan}: {@code samples} real points (x, sin(x) + N(0, noise)) with x
 * uniform in [-pi, pi]; a generator from a standard-normal latent of {@code latentSize} (1, 20 or 100
 * in the original notebooks) to 2 values, and a discriminator of 2 values.
 */
public record PointsGanConfig(
        @JsonPropertyDescription("Seed of the data, the networks and the latent draws.")
        long seed,
        @JsonPropertyDescription("Passes over the real points.")
        int epochs,
        @JsonPropertyDescription("Real points.")
        int samples,
        @JsonPropertyDescription("Standard deviation of the noise on sin(x).")
        double noise,
        @JsonPropertyDescription("Generator input size, e.g. 1, 20 or 100.")
        int latentSize,
        @JsonPropertyDescription("Generator hidden widths.")
        List<Integer> generatorLayers,
        @JsonPropertyDescription("Discriminator hidden widths.")
        List<Integer> discriminatorLayers,
        @JsonPropertyDescription("Adam step size.")
        double learningRate,
        @JsonPropertyDescription("Adam's beta1, the decay of its running mean of gradients (0.5 is the usual GAN choice).")
        double beta1,
        @JsonPropertyDescription("Points per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Epochs between GIF frames, quality scores and checkpoints.")
        int frameEvery,
        @JsonPropertyDescription("Generated points per frame and quality score.")
        int evalSamples) {

    public PointsGanConfig {
        generatorLayers = widths("--generator-layers", generatorLayers, false);
        discriminatorLayers = widths("--discriminator-layers", discriminatorLayers, false);
        positive("--epochs", epochs);
        positive("--samples", samples);
        notNegative("--noise", noise);
        positive("--latent-size", latentSize);
        positive("--learning-rate", learningRate);
        inRange("--beta1", beta1, 0, 1);
        positive("--batch-size", batchSize);
        if (samples < batchSize) {
            throw new IllegalArgumentException("--samples (" + samples + ") must hold at least one batch (" + batchSize + ")");
        }
        positive("--frame-every", frameEvery);
        atLeast("--eval-samples", evalSamples, 2);
    }

    public static PointsGanConfig defaults() {
        return new PointsGanConfig(1, 300, 2000, 0.1, 20, List.of(64, 64), List.of(64, 64), 1e-3, 0.5, 100, 10, 500);
    }
}
