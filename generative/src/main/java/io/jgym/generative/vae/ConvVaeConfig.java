package io.jgym.generative.vae;

import java.util.List;

/**
 * Settings of the convolutional VAE ({@code vae} on MNIST-format images, {@code conv-vae-rgb} on
 * colour images): the encoder's stride-2 convolutions (the decoder mirrors them with transposed
 * convolutions), the dense layer before the Gaussian latent, Adam, minibatches and epochs.
 *
 * @param seed         seeds the weights, the shuffling and the latent noise
 * @param epochs       passes over the training images
 * @param filters      channels of each 3x3 stride-2 convolution of the encoder; each halves the image,
 *                     so its height and width must be divisible by 2^filters.size()
 * @param denseWidth   width of the dense layer between the last convolution and the latent
 * @param latentSize   size of the Gaussian latent (2 to draw it)
 * @param learningRate Adam step size
 * @param batchSize    images per minibatch
 * @param evalImages   held-out images scored after each epoch and drawn in the pictures
 */
public record ConvVaeConfig(long seed, int epochs, List<Integer> filters, int denseWidth, int latentSize,
                            double learningRate, int batchSize, int evalImages) {
    public ConvVaeConfig {
        filters = List.copyOf(filters);
        if (epochs <= 0 || denseWidth <= 0 || latentSize <= 0 || batchSize <= 0 || evalImages <= 0 || !(learningRate > 0)
                || filters.isEmpty() || filters.stream().anyMatch(f -> f <= 0)) {
            throw new IllegalArgumentException("epochs, filters (at least one), dense width, latent size, batch size,"
                    + " eval images and learning rate must be positive");
        }
    }

    /** The same settings for {@code newEpochs} epochs. */
    public ConvVaeConfig withEpochs(int newEpochs) {
        return new ConvVaeConfig(seed, newEpochs, filters, denseWidth, latentSize, learningRate, batchSize, evalImages);
    }

    /** The Keras example's VAE for 28x28 images: conv 32-64, dense 16, 2-D latent. */
    public static ConvVaeConfig mnist() {
        return new ConvVaeConfig(1, 10, List.of(32, 64), 16, 2, 1e-3, 64, 2000);
    }

    /** The colour version for 80x80 RGB images: conv 16-32-64, dense 128, 10-D latent. */
    public static ConvVaeConfig rgb() {
        return new ConvVaeConfig(1, 10, List.of(16, 32, 64), 128, 10, 1e-3, 32, 200);
    }
}
