package io.jgym.generative.vae;

import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;
import static io.jgym.generative.ConfigChecks.widths;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Settings of {@code conv-vae-rgb}, the convolutional VAE on colour images (a PNG/JPEG folder, or
 * generated shapes): the same network settings as {@link ConvVaeConfig}, other data, and the pixel
 * {@link Likelihood} (Gaussian by default: with Bernoulli pixels the reconstructions stay grey).
 */
public record ConvVaeRgbConfig(
        @JsonPropertyDescription("Seed of the weights, the shuffling and the latent noise.")
        long seed,
        @JsonPropertyDescription("Folder of PNG/JPEG images, sub-folders as classes; none = generated coloured shapes.")
        String data,
        @JsonPropertyDescription("Side the images are scaled to, after cropping to their centre square.")
        int imageSize,
        @JsonPropertyDescription("How many shape images to generate when no --data is given.")
        int shapes,
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
        @JsonPropertyDescription("Images per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Held-out images scored after each epoch and drawn in the pictures.")
        int evalImages,
        @JsonPropertyDescription("Pixel likelihood: GAUSSIAN (continuous colour, variance fitted to each minibatch)"
                + " or BERNOULLI (binary cross-entropy, as vae).")
        Likelihood likelihood) implements ConvVaeSettings {

    public ConvVaeRgbConfig {
        positive("--image-size", imageSize);
        positive("--shapes", shapes);
        notNegative("--max-images", maxImages);
        positive("--epochs", epochs);
        filters = widths("--filters", filters, true);
        int halving = 1 << filters.size();
        if (imageSize % halving != 0) {
            throw new IllegalArgumentException("--image-size (" + imageSize + ") must divide by " + halving
                    + " (one halving per --filters value)");
        }
        positive("--dense-width", denseWidth);
        positive("--latent-size", latentSize);
        positive("--learning-rate", learningRate);
        positive("--batch-size", batchSize);
        positive("--eval-images", evalImages);
        if (likelihood == null) {
            throw new IllegalArgumentException("--likelihood must be GAUSSIAN or BERNOULLI");
        }
    }

    /**
     * The colour version for 32x32 RGB images: conv 16-32, dense 128, 10-D latent, Gaussian pixels, 8
     * epochs of 20,000 generated shapes. Colour needs thousands of minibatches (grey first): 5,000 at
     * 32x32 fit in a few minutes on a 2-core CPU, where 80x80 took 0.35 s a minibatch.
     */
    public static ConvVaeRgbConfig defaults() {
        return new ConvVaeRgbConfig(1, null, 32, 20_000, 0, 8, List.of(16, 32), 128, 10, 1e-3, 32, 200, Likelihood.GAUSSIAN);
    }
}
