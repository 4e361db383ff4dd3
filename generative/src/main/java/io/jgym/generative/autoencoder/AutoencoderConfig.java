package io.jgym.generative.autoencoder;

import java.util.List;

/**
 * Settings of {@code dense-ae} and {@code conv-ae}: the widths between the image and the 2-D code
 * (mirrored for the decoder), Adam, minibatches and epochs.
 *
 * @param seed          seeds the networks and the shuffling
 * @param epochs        passes over the training images
 * @param encoderLayers hidden widths from the image towards the code (the decoder mirrors them);
 *                      the convolutional autoencoder has fixed layers and ignores them
 * @param codeSize      size of the code (2 to draw it)
 * @param learningRate  Adam step size
 * @param batchSize     images per minibatch
 * @param evalImages    held-out images scored after each epoch and drawn in the pictures
 */
public record AutoencoderConfig(long seed, int epochs, List<Integer> encoderLayers, int codeSize, double learningRate,
                                int batchSize, int evalImages) {
    public AutoencoderConfig {
        encoderLayers = List.copyOf(encoderLayers);
        if (epochs <= 0 || codeSize <= 0 || batchSize <= 0 || evalImages <= 0 || !(learningRate > 0)
                || encoderLayers.stream().anyMatch(w -> w <= 0)) {
            throw new IllegalArgumentException("epochs, code size, batch size, eval images, widths and learning rate must be positive");
        }
    }

    /** The dense autoencoder of the notebooks: 784-100-20-2, mirrored. */
    public static AutoencoderConfig denseAutoencoder() {
        return new AutoencoderConfig(1, 10, List.of(100, 20), 2, 1e-3, 64, 2000);
    }

    /** The convolutional autoencoder of the notebooks (its layers are fixed). */
    public static AutoencoderConfig convAutoencoder() {
        return new AutoencoderConfig(1, 5, List.of(), 2, 1e-3, 64, 2000);
    }
}
