package io.jgym.generative.autoencoder;

import static io.jgym.generative.ConfigChecks.given;
import static io.jgym.generative.ConfigChecks.notNegative;
import static io.jgym.generative.ConfigChecks.positive;
import static io.jgym.generative.ConfigChecks.widths;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.generative.data.ImageSources;
import java.util.List;

/**
 * Settings of {@code dense-ae}: the widths between the image and the code (mirrored for the
 * decoder), Adam, minibatches and epochs, on MNIST-format images.
 */
public record AutoencoderConfig(
        @JsonPropertyDescription("Seed of the networks and the shuffling.")
        long seed,
        @JsonPropertyDescription("Folder with train-/t10k- MNIST-format IDX files, .gz or not.")
        String data,
        @JsonPropertyDescription("Use only the first N training images (0: all).")
        int maxImages,
        @JsonPropertyDescription("Passes over the training images.")
        int epochs,
        @JsonPropertyDescription("Widths from the image to the code; the decoder mirrors them.")
        List<Integer> encoderLayers,
        @JsonPropertyDescription("Size of the code (2 can be drawn).")
        int codeSize,
        @JsonPropertyDescription("Adam step size.")
        double learningRate,
        @JsonPropertyDescription("Images per minibatch.")
        int batchSize,
        @JsonPropertyDescription("Held-out images scored after each epoch and drawn in the pictures.")
        int evalImages) implements AutoencoderSettings {

    public AutoencoderConfig {
        given("--data", data);
        notNegative("--max-images", maxImages);
        positive("--epochs", epochs);
        encoderLayers = widths("--encoder-layers", encoderLayers, false);
        positive("--code-size", codeSize);
        positive("--learning-rate", learningRate);
        positive("--batch-size", batchSize);
        positive("--eval-images", evalImages);
    }

    /** The dense autoencoder of the notebooks: 784-100-20-2, mirrored. */
    public static AutoencoderConfig defaults() {
        return new AutoencoderConfig(1, ImageSources.FASHION_MNIST, 0, 10, List.of(100, 20), 2, 1e-3, 64, 2000);
    }
}
