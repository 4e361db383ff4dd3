package io.jgym.generative.autoencoder;

/**
 * What {@link AutoencoderTrainer} needs from the settings of either autoencoder: the dense one
 * ({@link AutoencoderConfig}, {@code dense-ae}, with its encoder widths) and the convolutional one
 * ({@link ConvAutoencoderConfig}, {@code conv-ae}, whose layers are fixed). Two records rather than one
 * with a setting conv-ae would ignore: {@code --encoder-layers} exists only where it does something.
 */
public sealed interface AutoencoderSettings permits AutoencoderConfig, ConvAutoencoderConfig {
    long seed();

    /** Folder of MNIST-format IDX files. */
    String data();

    /** Only the first N training images (0: all). */
    int maxImages();

    int epochs();

    int codeSize();

    double learningRate();

    int batchSize();

    /** Held-out images scored after each epoch and drawn in the pictures. */
    int evalImages();
}
