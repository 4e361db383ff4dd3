package io.jgym.generative.autoencoder;

import static io.jgym.generative.ConfigChecks.given;
import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.generative.data.ImageSources;

/**
 * Settings of {@code conv-ae}, the convolutional autoencoder of the notebooks for 28x28 images: its
 * layers are fixed (conv 16-8-8 with pooling, a dense code, an upsampling decoder), so only the code
 * size, Adam, minibatches and epochs are settings.
 */
public record ConvAutoencoderConfig(
        @JsonPropertyDescription("Seed of the networks and the shuffling.")
        long seed,
        @JsonPropertyDescription("Folder with train-/t10k- MNIST-format IDX files (28x28), .gz or not.")
        String data,
        @JsonPropertyDescription("Use only the first N training images (0: all).")
        int maxImages,
        @JsonPropertyDescription("Passes over the training images.")
        int epochs,
        @JsonPropertyDescription("Size of the code (2 can be drawn).")
        int codeSize,
        @JsonPropertyDescription("Adam step size.")
        double learningRate,
        @JsonPropertyDescription("Images per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Held-out images scored after each epoch and drawn in the pictures.")
        int evalImages) implements AutoencoderSettings {

    public ConvAutoencoderConfig {
        given("--data", data);
        notNegative("--max-images", maxImages);
        positive("--epochs", epochs);
        positive("--code-size", codeSize);
        positive("--learning-rate", learningRate);
        positive("--batch-size", batchSize);
        positive("--eval-images", evalImages);
    }

    /** The convolutional autoencoder of the notebooks, 5 epochs. */
    public static ConvAutoencoderConfig defaults() {
        return new ConvAutoencoderConfig(1, ImageSources.FASHION_MNIST, 0, 5, 2, 1e-3, 64, 2000);
    }
}
