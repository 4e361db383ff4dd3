package io.jgym.generative.imagegan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What {@link ImageGanTrainer} needs from the settings of an image GAN ({@code dense-gan},
 * {@code dcgan-rgb}): the training schedule and its two networks, built for the images' shape. The
 * generator maps {@code latentSize} standard-normal values to a flat image in [-1, 1]; the
 * discriminator maps {@code pack} flat images side by side to the probability that they are real.
 */
public interface ImageGanConfig {
    long seed();

    int epochs();

    int latentSize();

    int batchSize();

    /** Images the discriminator judges together (PacGAN; 1 = plain). */
    int pack();

    /** Real labels are 1 minus this. */
    double labelSmoothing();

    /** Generated images scored after each epoch. */
    int evalSamples();

    /** Decay of the generator's moving average that samples are drawn from (0: the generator itself). */
    default double generatorAverage() {
        return 0;
    }

    /** A new generator for images of the given shape; {@code iterations} is the run's length, for learning-rate schedules. */
    MultiLayerNetwork generator(int channels, int height, int width, long iterations);

    /** A new discriminator for images of the given shape. */
    MultiLayerNetwork discriminator(int channels, int height, int width, long iterations);
}
