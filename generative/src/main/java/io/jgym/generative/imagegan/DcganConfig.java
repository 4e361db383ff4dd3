package io.jgym.generative.imagegan;

import io.jgym.generative.gan.GanNetworks;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Settings of {@code dcgan-rgb}, a DCGAN for colour images (80x80 by default): the generator
 * turns the latent into a small stack of feature maps and doubles their size with each 4x4
 * stride-2 transposed convolution; the discriminator halves the image with each 4x4 stride-2
 * convolution. Images are scaled to [-1, 1]; real labels are smoothed.
 *
 * @param seed                 seeds the networks, the shuffling and the latent draws
 * @param epochs               passes over the training images
 * @param latentSize           generator input size
 * @param generatorFilters     channels after the dense layer and after each transposed convolution but
 *                             the last (which gives the image's channels); one halving per entry, so
 *                             image sides must divide by 2^size
 * @param discriminatorFilters channels of each stride-2 convolution, as many as generatorFilters
 * @param learningRate         Adam step size (both networks)
 * @param beta1                Adam beta1
 * @param batchSize            images per minibatch
 * @param labelSmoothing       real labels are 1 - this
 * @param evalSamples          generated images scored after each epoch
 */
public record DcganConfig(long seed, int epochs, int latentSize, List<Integer> generatorFilters,
                          List<Integer> discriminatorFilters, double learningRate, double beta1, int batchSize,
                          double labelSmoothing, int evalSamples) implements ImageGanConfig {
    public DcganConfig {
        generatorFilters = List.copyOf(generatorFilters);
        discriminatorFilters = List.copyOf(discriminatorFilters);
        if (epochs <= 0 || latentSize <= 0 || batchSize <= 0 || evalSamples <= 1 || generatorFilters.isEmpty()
                || generatorFilters.size() != discriminatorFilters.size()
                || generatorFilters.stream().anyMatch(f -> f <= 0) || discriminatorFilters.stream().anyMatch(f -> f <= 0)) {
            throw new IllegalArgumentException("epochs, latent size, batch size, eval samples and filters must be positive,"
                    + " with as many discriminator filters as generator filters");
        }
        if (!(learningRate > 0) || labelSmoothing < 0 || labelSmoothing >= 0.5) {
            throw new IllegalArgumentException("learning rate must be positive and label smoothing in [0, 0.5)");
        }
    }

    /** Generator 128x5x5 -> 64 -> 32 -> 16 -> 3 at 80x80, discriminator 16-32-64-128, Adam 2e-4 (beta1 0.5), smoothing 0.1. */
    public static DcganConfig defaults() {
        return new DcganConfig(1, 10, 100, List.of(128, 64, 32, 16), List.of(16, 32, 64, 128), 2e-4, 0.5, 32, 0.1, 200);
    }

    @Override
    public int pack() {
        return 1;
    }

    @Override
    public MultiLayerNetwork generator(int channels, int height, int width, long iterations) {
        return DcganNetworks.generator(this, channels, height, width);
    }

    @Override
    public MultiLayerNetwork discriminator(int channels, int height, int width, long iterations) {
        return DcganNetworks.discriminator(this, channels, height, width);
    }
}
