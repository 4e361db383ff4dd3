package io.jgym.generative.vae;

import java.util.List;

/**
 * What {@link ConvVaeTrainer} and {@link ConvVaeGraph} need from the settings of either VAE:
 * {@link ConvVaeConfig} ({@code vae}, MNIST-format images, Bernoulli pixels) and {@link ConvVaeRgbConfig}
 * ({@code conv-vae-rgb}, colour images, a choice of {@link Likelihood}).
 */
public sealed interface ConvVaeSettings permits ConvVaeConfig, ConvVaeRgbConfig {
    long seed();

    int epochs();

    /** Channels of each 3x3 stride-2 encoder convolution; the decoder mirrors them. */
    List<Integer> filters();

    int denseWidth();

    int latentSize();

    double learningRate();

    /** Step size the rate falls to, linearly, by the last minibatch ({@link DecayingAdam}); the start rate: constant. */
    default double learningRateEnd() {
        return learningRate();
    }

    /** Fraction of the run's minibatches trained at the start rate before it falls. */
    default double learningRateDecayFrom() {
        return 0;
    }

    int batchSize();

    /** Held-out images scored after each epoch and drawn in the pictures. */
    int evalImages();

    /** How pixels are scored: {@code vae}'s MNIST-format images are Bernoulli. */
    default Likelihood likelihood() {
        return Likelihood.BERNOULLI;
    }
}
