package io.jgym.generative.imagegan;

import io.jgym.generative.gan.GanNetworks;
import io.jgym.generative.imagegan.ImageGanConfig;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * Settings of {@code dense-gan}: the classic MNIST GAN, generator 100-200-200-784 (tanh),
 * discriminator 784-200-100-1, trained on images scaled to [-1, 1].
 *
 * @param seed                seeds the networks, the shuffling and the latent draws
 * @param epochs              passes over the training images
 * @param latentSize          generator input size
 * @param generatorLayers     generator hidden widths (LeakyReLU)
 * @param discriminatorLayers discriminator hidden widths (LeakyReLU, dropout)
 * @param dropout             discriminator dropout probability
 * @param learningRate        Adam step size at the start
 * @param learningRateDecay   factor the step size has shrunk by at the end (1 = constant)
 * @param beta1               Adam beta1
 * @param batchSize           images per minibatch
 * @param pack                images the discriminator judges together (PacGAN; 1 = plain)
 * @param labelSmoothing      real labels are 1 - this
 * @param evalSamples         generated images scored (MMD to held-out images) after each epoch
 */
public record DenseGanConfig(long seed, int epochs, int latentSize, List<Integer> generatorLayers,
                             List<Integer> discriminatorLayers, double dropout, double learningRate,
                             double learningRateDecay, double beta1, int batchSize, int pack, double labelSmoothing,
                             int evalSamples) implements ImageGanConfig {
    public DenseGanConfig {
        generatorLayers = List.copyOf(generatorLayers);
        discriminatorLayers = List.copyOf(discriminatorLayers);
        if (epochs <= 0 || latentSize <= 0 || batchSize <= 0 || pack <= 0 || batchSize % pack != 0 || evalSamples <= 1) {
            throw new IllegalArgumentException("epochs, latent size, batch size (a multiple of pack) and eval samples must be positive");
        }
        if (!(learningRate > 0) || !(learningRateDecay > 0) || learningRateDecay > 1 || dropout < 0 || dropout >= 1
                || labelSmoothing < 0 || labelSmoothing >= 0.5) {
            throw new IllegalArgumentException("learning rate must be positive, its decay in (0, 1], dropout in [0, 1), label smoothing in [0, 0.5)");
        }
    }

    @Override
    public MultiLayerNetwork generator(int channels, int height, int width, long iterations) {
        return GanNetworks.generator(seed, latentSize, generatorLayers, channels * height * width, Activation.TANH,
                GanNetworks.decaying(learningRate, learningRateDecay, iterations), beta1);
    }

    @Override
    public MultiLayerNetwork discriminator(int channels, int height, int width, long iterations) {
        return GanNetworks.discriminator(seed, channels * height * width * pack, discriminatorLayers, dropout,
                GanNetworks.decaying(learningRate, learningRateDecay, iterations), beta1);
    }

    /** The same settings for {@code newEpochs} epochs. */
    public DenseGanConfig withEpochs(int newEpochs) {
        return new DenseGanConfig(seed, newEpochs, latentSize, generatorLayers, discriminatorLayers, dropout, learningRate,
                learningRateDecay, beta1, batchSize, pack, labelSmoothing, evalSamples);
    }

    public static DenseGanConfig defaults() {
        return new DenseGanConfig(1, 5, 100, List.of(200, 200), List.of(200, 100), 0.3, 2e-4, 1.0, 0.5, 64, 1, 0.1, 500);
    }
}
