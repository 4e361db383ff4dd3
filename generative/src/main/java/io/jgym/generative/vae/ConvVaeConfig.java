package io.jgym.generative.vae;

import static io.jgym.generative.ConfigChecks.above;
import static io.jgym.generative.ConfigChecks.given;
import static io.jgym.generative.ConfigChecks.inRange;
import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;
import static io.jgym.generative.ConfigChecks.widths;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.generative.data.ImageSources;
import java.util.List;

/**
 * Settings of {@code vae}, the convolutional VAE on MNIST-format images: the encoder's stride-2
 * convolutions (the decoder mirrors them with transposed convolutions), the dense layer before the
 * Gaussian latent, Adam, minibatches and epochs.
 */
public record ConvVaeConfig(
        @JsonPropertyDescription("Seed of the weights, the shuffling and the latent noise.")
        long seed,
        @JsonPropertyDescription("Folder with train-/t10k- MNIST-format IDX files, .gz or not.")
        String data,
        @JsonPropertyDescription("Use only the first N training images (0: all).")
        int maxImages,
        @JsonPropertyDescription("Passes over the training images.")
        int epochs,
        @JsonPropertyDescription("Channels of each 3x3 stride-2 encoder convolution; the decoder mirrors them.")
        List<Integer> filters,
        @JsonPropertyDescription("Width of the dense layer before the latent.")
        int denseWidth,
        @JsonPropertyDescription("Size of the Gaussian latent (2 can be drawn).")
        int latentSize,
        @JsonPropertyDescription("Adam step size.")
        double learningRate,
        @JsonPropertyDescription("Step size the rate falls to, linearly, by the last minibatch (equal to --learning-rate: constant).")
        double learningRateEnd,
        @JsonPropertyDescription("Fraction of the run's minibatches trained at --learning-rate before the rate starts to fall.")
        double learningRateDecayFrom,
        @JsonPropertyDescription("Images per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Held-out images scored after each epoch and drawn in the pictures.")
        int evalImages) implements ConvVaeSettings {

    public ConvVaeConfig {
        given("--data", data);
        notNegative("--max-images", maxImages);
        positive("--epochs", epochs);
        filters = widths("--filters", filters, true);
        positive("--dense-width", denseWidth);
        positive("--latent-size", latentSize);
        positive("--learning-rate", learningRate);
        above("--learning-rate-end", learningRateEnd, 0, learningRate);
        inRange("--learning-rate-decay-from", learningRateDecayFrom, 0, 1);
        positive("--batch-size", batchSize);
        positive("--eval-images", evalImages);
    }

    /**
     * The Keras example's VAE for 28x28 images: conv 32-64, dense 16, 2-D latent; 16 epochs, Adam 1e-3
     * for the first 8 falling linearly to 1e-5 over the last 8 (at a constant 1e-3 MNIST's held-out
     * -ELBO stalls about a nat above 155); scored on the whole 10,000-image test set, as published
     * figures are.
     */
    public static ConvVaeConfig defaults() {
        return new ConvVaeConfig(1, ImageSources.FASHION_MNIST, 0, 16, List.of(32, 64), 16, 2, 1e-3, 1e-5, 0.5, 64, 10_000);
    }
}
